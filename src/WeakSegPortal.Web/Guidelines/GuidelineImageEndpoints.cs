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
    private const string NoSuchExample = "No such example image.";

    public static IEndpointRouteBuilder MapGuidelineImageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/projects/{projectId:guid}/examples/{exampleId:guid}", ServeAsync);
        return routes;
    }

    private static async Task<IResult> ServeAsync(Guid projectId, Guid exampleId, ClaimsPrincipal user, IQuerySession session, IBlobStore blobs, HttpContext http, CancellationToken ct)
    {
        var summary = await session.LoadAsync<ProjectSummary>(projectId, ct);
        var isManager = user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Admin);
        // Another project's example is answered as a missing one, so that ids reveal nothing.
        if (summary is null || !ProjectAccess.CanSee(summary, user.UserId(), isManager))
        {
            return Results.Problem(NoSuchExample, statusCode: StatusCodes.Status404NotFound);
        }
        var project = await session.Events.AggregateStreamAsync<Project>(projectId, token: ct);
        var example = project?.Examples.Find(e => e.ExampleId == exampleId);
        if (example is null || !BlobKey.TryParse(example.BlobKey, out var key) || await blobs.OpenReadAsync(key, ct) is not { } stream)
        {
            return Results.Problem(NoSuchExample, statusCode: StatusCodes.Status404NotFound);
        }
        http.Response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { Private = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new("immutable") } };
        return Results.Stream(stream, example.ContentType);
    }
}
