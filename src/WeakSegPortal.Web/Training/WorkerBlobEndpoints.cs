using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Web.Options;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Training;

/// <summary>
/// <c>POST /api/worker/blobs</c> (body: the bytes, at most Training:MaxBlobBytes; answer <c>{ "hash": "…" }</c>) and
/// <c>GET /api/worker/blobs/{hash}</c>: checkpoints and ONNX files, content-addressed in the blob store, for workers only
/// (their token; no cookie).
/// </summary>
public static class WorkerBlobEndpoints
{
    public const string Pattern = "/api/worker/blobs";

    public static IEndpointRouteBuilder MapWorkerBlobEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Pattern, PutAsync).RequireAuthorization(WorkerToken.Policy).DisableAntiforgery();
        routes.MapGet(Pattern + "/{hash}", GetAsync).RequireAuthorization(WorkerToken.Policy);
        return routes;
    }

    private static async Task<IResult> PutAsync(HttpContext http, IBlobStore blobs, IOptions<TrainingOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxBlobBytes;
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }
        try
        {
            var key = await blobs.PutAsync(new CappedReadStream(http.Request.Body, limit), ct);
            return Results.Ok(new BlobStored(key.Hex));
        }
        catch (BlobTooLargeException)
        {
            return TooLarge(limit);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
    }

    private static async Task<IResult> GetAsync(string hash, IBlobStore blobs, CancellationToken ct)
    {
        if (!BlobKey.TryParse(hash, out var key))
        {
            return Results.Problem("A blob is named by its 64 hex digit content hash.", statusCode: StatusCodes.Status400BadRequest);
        }
        return await blobs.OpenReadAsync(key, ct) is { } stream
            ? Results.Stream(stream, "application/octet-stream", enableRangeProcessing: false)
            : Results.Problem("No such blob.", statusCode: StatusCodes.Status404NotFound);
    }

    private static IResult TooLarge(long limit) =>
        Results.Problem($"A blob may hold at most {limit:N0} bytes (Training:MaxBlobBytes).", statusCode: StatusCodes.Status413PayloadTooLarge);
}
