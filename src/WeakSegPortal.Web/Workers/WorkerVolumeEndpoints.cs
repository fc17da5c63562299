using WeakSegPortal.Imaging.Storage;

namespace WeakSegPortal.Web.Workers;

/// <summary>
/// <c>GET /api/worker/volumes/{contentHash}</c>: a volume exactly as the blob store holds it (WSVL), streamed, for
/// workers only (their token; no cookie). The hash is the blob key a job names (SuggestionJob.VolumeHash), so a
/// worker fetches a volume once and may check what it got against the name.
/// </summary>
public static class WorkerVolumeEndpoints
{
    public const string Pattern = "/api/worker/volumes/{contentHash}";

    public static IEndpointRouteBuilder MapWorkerVolumeEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Pattern, VolumeAsync).RequireAuthorization(WorkerToken.Policy);
        return routes;
    }

    private static async Task<IResult> VolumeAsync(string contentHash, IBlobStore blobs, CancellationToken ct)
    {
        if (!BlobKey.TryParse(contentHash, out var key))
        {
            return Results.Problem("A volume is named by its 64 hex digit content hash.", statusCode: StatusCodes.Status400BadRequest);
        }
        return await blobs.OpenReadAsync(key, ct) is { } stream
            ? Results.Stream(stream, "application/octet-stream", enableRangeProcessing: false)
            : Results.Problem("No such volume.", statusCode: StatusCodes.Status404NotFound);
    }
}
