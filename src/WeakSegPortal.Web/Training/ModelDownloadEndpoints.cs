using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Training;

/// <summary>
/// <c>GET /api/projects/{projectId}/models/{versionId}/checkpoint</c> and <c>…/onnx</c>: a model version's files, for project
/// managers (the training page's download links).
/// </summary>
public static class ModelDownloadEndpoints
{
    public const string Pattern = "/api/projects/{projectId:guid}/models/{versionId:guid}/{file}";

    public static IEndpointRouteBuilder MapModelDownloadEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Pattern, DownloadAsync).RequireAuthorization(policy => policy.RequireRole(Roles.ProjectManager, Roles.Admin));
        return routes;
    }

    public static string For(Guid projectId, Guid versionId, string file) => $"/api/projects/{projectId}/models/{versionId}/{file}";

    private static async Task<IResult> DownloadAsync(Guid projectId, Guid versionId, string file, ModelCatalog catalog, IBlobStore blobs, CancellationToken ct)
    {
        if (file is not ("checkpoint" or "onnx"))
        {
            return Results.Problem("Ask for the version's checkpoint or onnx file.", statusCode: StatusCodes.Status404NotFound);
        }
        if (await catalog.VersionAsync(projectId, versionId, ct) is not { } version)
        {
            return Results.Problem("No such model version.", statusCode: StatusCodes.Status404NotFound);
        }
        var hash = file == "checkpoint" ? version.CheckpointHash : version.OnnxHash;
        if (!BlobKey.TryParse(hash, out var key) || await blobs.OpenReadAsync(key, ct) is not { } stream)
        {
            return Results.Problem("The model's file is missing from the blob store.", statusCode: StatusCodes.Status404NotFound);
        }
        var name = file == "checkpoint" ? $"model-v{version.Version}.weakseg-unet" : $"model-v{version.Version}.onnx";
        return Results.Stream(stream, "application/octet-stream", name);
    }
}
