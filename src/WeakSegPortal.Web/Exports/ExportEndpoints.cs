using System.Text.Json;
using Marten;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Exports;

/// <summary>
/// Exports for scripts and the export page's download link, project managers and admins only: start one
/// (<c>POST /api/projects/{id}/exports</c>), list them, cancel one, download a completed one (recorded as
/// <see cref="ExportDownloaded"/>), and import a weak-label file into the project (<c>POST /api/projects/{id}/labels</c>).
/// </summary>
public static class ExportEndpoints
{
    public const string Exports = "/api/projects/{projectId:guid}/exports";
    public const string Download = "/api/projects/{projectId:guid}/exports/{exportId:guid}/download";
    public const string Cancel = "/api/projects/{projectId:guid}/exports/{exportId:guid}/cancel";
    public const string LabelImport = "/api/projects/{projectId:guid}/labels";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder routes)
    {
        var managers = routes.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.ProjectManager, Roles.Admin));
        managers.MapPost(Exports, StartAsync).DisableAntiforgery();
        managers.MapGet(Exports, ListAsync);
        managers.MapPost(Cancel, CancelAsync).DisableAntiforgery();
        managers.MapGet(Download, DownloadAsync);
        managers.MapPost(LabelImport, ImportLabelsAsync).DisableAntiforgery();
        return routes;
    }

    public static string DownloadFor(Guid projectId, Guid exportId) => $"/api/projects/{projectId}/exports/{exportId}/download";

    private static async Task<IResult> StartAsync(Guid projectId, HttpContext http, RequestExportHandler handler, CancellationToken ct)
    {
        ExportRequestBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ExportRequestBody>(http.Request.Body, JsonSerializerOptions.Web, ct);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null)
        {
            return Results.Problem("Send JSON: {\"formats\": [\"weak-labels\", \"nifti\", \"png\", \"coco\", \"dicom-seg\"], \"submittedOnly\": false, \"goldOnly\": false}.", statusCode: StatusCodes.Status400BadRequest);
        }
        var result = await handler.HandleAsync(new RequestExport(projectId, body.Formats ?? [], new ExportFilter(body.SubmittedOnly, body.GoldOnly), http.User.UserId()), ct);
        return result.Succeeded
            ? Results.Accepted($"/api/projects/{projectId}/exports", new { id = result.Id })
            : Results.Problem(string.Join(" ", result.Errors.Values), statusCode: result.Errors.ContainsKey("") ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ListAsync(Guid projectId, IQuerySession session, CancellationToken ct) =>
        Results.Ok(await session.Query<ProjectExport>().Where(e => e.ProjectId == projectId).OrderByDescending(e => e.RequestedAt).ToListAsync(ct));

    private static async Task<IResult> CancelAsync(Guid projectId, Guid exportId, HttpContext http, CancelExportHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new CancelExport(projectId, exportId, http.User.UserId()), ct);
        // 400: nothing to cancel (unknown, or ended already); the export is as it was.
        return result.Succeeded ? Results.Ok() : Results.Problem(string.Join(" ", result.Errors.Values), statusCode: StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> DownloadAsync(Guid projectId, Guid exportId, HttpContext http, RecordExportDownloadHandler handler, IBlobStore blobs, CancellationToken ct)
    {
        if (await handler.HandleAsync(new RecordExportDownload(projectId, exportId, http.User.UserId()), ct) is not { } export
            || !BlobKey.TryParse(export.BlobHash, out var key) || await blobs.OpenReadAsync(key, ct) is not { } stream)
        {
            return Results.Problem("No completed export with this id.", statusCode: StatusCodes.Status404NotFound);
        }
        return Results.Stream(stream, "application/zip", export.FileName ?? "export.zip");
    }

    private static async Task<IResult> ImportLabelsAsync(Guid projectId, HttpContext http, ImportWeakLabelsHandler handler, CancellationToken ct)
    {
        WeakLabelFile file;
        try
        {
            file = await WeakLabelFile.ReadAsync(http.Request.Body, ct);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            return Results.Problem($"Send a weak-label file (docs/weak-label-format.md) as the body: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        var (result, report) = await handler.HandleAsync(new ImportWeakLabels(projectId, file, http.User.UserId()), ct);
        return report is not null
            ? Results.Ok(report)
            : Results.Problem(string.Join(" ", result.Errors.Values), statusCode: result.Errors.ContainsKey("") ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
    }
}
