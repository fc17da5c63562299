using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.DataImport;

/// <summary>`POST /api/projects/{id}/imports`: multipart upload of files and .zip archives for scripts; answers the import report.</summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/projects/{projectId:guid}/imports", (Delegate)ImportAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.ProjectManager, Roles.Admin))
            .DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> ImportAsync(
        Guid projectId, HttpContext http, IQuerySession query, ProjectImporter importer, IOptions<ImportOptions> options, CancellationToken ct)
    {
        if (await query.LoadAsync<ProjectSummary>(projectId, ct) is null)
        {
            return Results.Problem($"No project {projectId}.", statusCode: StatusCodes.Status404NotFound);
        }
        var boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary))
        {
            return Results.Problem("Send the files as multipart/form-data (one part per file or .zip).", statusCode: StatusCodes.Status400BadRequest);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.Value.MaxUploadBytes + (1024 * 1024);
        }
        using var staging = ImportStaging.Create(options.Value.StagingRoot, options.Value.MaxUploadBytes);
        // Parts are streamed to the staging folder one by one: nothing is buffered in memory.
        var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = null, HeadersLengthLimit = 16 * 1024 };
        var files = 0;
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (section.GetContentDispositionHeader() is { } disposition && disposition.IsFileDisposition())
                {
                    var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    await staging.AddAsync(name, section.Body, null, ct);
                    files++;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !ct.IsCancellationRequested)
        {
            // A cut or malformed body: nothing of it is imported.
            return Results.Problem("The upload is not complete multipart/form-data; nothing was imported. Send it again.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (files == 0)
        {
            return Results.Problem("The upload holds no files; send one part per file or .zip.", statusCode: StatusCodes.Status400BadRequest);
        }
        var report = await importer.ImportAsync(projectId, http.User.UserId(), staging, null, ct);
        return report is null ? Results.NotFound() : Results.Ok(report);
    }
}
