using System.Security.Claims;
using Marten;
using Microsoft.Net.Http.Headers;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Guidelines;

/// <summary>Serves guideline example images to the project's team and to managers.</summary>
public static class GuidelineImageEndpoints
{
    public static IEndpointRouteBuilder MapGuidelineImageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/projects/{projectId:guid}/examples/{exampleId:guid}", ServeAsync);
        return routes;
    }

    private static async Task<IResult> ServeAsync(Guid projectId, Guid exampleId, ClaimsPrincipal user, IQuerySession session, IBlobStore blobs, HttpContext http, CancellationToken ct)
    {
        var summary = await session.LoadAsync<ProjectSummary>(projectId, ct);
        if (summary is null)
        {
            return Results.Problem("No such project.", statusCode: StatusCodes.Status404NotFound);
        }
        var isManager = user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Admin);
        if (!ProjectAccess.CanSee(summary, user.UserId(), isManager))
        {
            return Results.Problem("This project's guidelines are for its team.", statusCode: StatusCodes.Status403Forbidden);
        }
        var project = await session.Events.AggregateStreamAsync<Project>(projectId, token: ct);
        var example = project?.Examples.Find(e => e.ExampleId == exampleId);
        if (example is null || !BlobKey.TryParse(example.BlobKey, out var key) || await blobs.OpenReadAsync(key, ct) is not { } stream)
        {
            return Results.Problem("No such example image.", statusCode: StatusCodes.Status404NotFound);
        }
        http.Response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { Private = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new("immutable") } };
        return Results.Stream(stream, example.ContentType);
    }
}
