using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>
/// A real ASP.NET Core SignalR server on 127.0.0.1 with an ephemeral port, standing in for the portal's side of the
/// contract (docs/suggestion-protocol.md): <c>/hubs/worker</c>, <c>GET /api/worker/volumes/{hash}</c> (WSVL) and
/// <c>GET /api/worker/blobs/{hash}</c> (model files, docs/training-protocol.md), all
/// behind one machine token (bearer header or access_token), 401 otherwise. Jobs are sent the way the portal sends
/// them: client results through IHubContext to the connection that announced. Training (docs/training-protocol.md): the
/// hub's training methods answered by <see cref="Training"/>, <c>GET /api/worker/training/{jobId}/dataset?attempt=N</c>
/// (409 for an attempt that lost the job), and <c>POST /api/worker/blobs</c> into the same in-memory blobs;
/// an offered job is pushed to every worker as <c>TrainingAvailable</c>.
/// </summary>
public sealed class StandInPortal : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _volumes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _volumeAsked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _volumesHeld = Released();
    private int _refusals;
    private int _volumeRequests;
    private int _blobRequests;

    private StandInPortal(string token)
    {
        Token = token;
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 1 << 20);
        builder.Services.AddSingleton<AnnouncementLog>();
        builder.Services.AddSingleton<StandInTrainingDesk>();
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/hubs/worker") || context.Request.Path.StartsWithSegments("/api/worker"))
            {
                var header = context.Request.Headers.Authorization.ToString();
                var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : context.Request.Query["access_token"].ToString();
                if (given != Token)
                {
                    Interlocked.Increment(ref _refusals);
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
            }

            await next(context);
        });
        _app.MapHub<StandInWorkerHub>("/hubs/worker");
        _app.MapGet("/api/worker/volumes/{hash}", async (string hash) =>
        {
            Interlocked.Increment(ref _volumeRequests);
            _volumeAsked.TrySetResult();
            await _volumesHeld.Task;
            return _volumes.TryGetValue(hash, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound();
        });
        _app.MapGet("/api/worker/blobs/{hash}", (string hash) =>
        {
            Interlocked.Increment(ref _blobRequests);
            return _blobs.TryGetValue(hash, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound();
        });
        _app.MapGet("/api/worker/training/{jobId:guid}/dataset", (Guid jobId, int attempt, StandInTrainingDesk desk) =>
            desk.Dataset(jobId, attempt) is { } dataset ? Results.Json(dataset) : Results.Conflict());
        _app.MapPost("/api/worker/blobs", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            return Results.Json(new { hash = PutBlob(body.ToArray()) });
        });
        var hub = _app.Services.GetRequiredService<IHubContext<StandInWorkerHub>>();
        Training.Offered += () => _ = hub.Clients.All.SendAsync("TrainingAvailable");
    }

    public string Token { get; }

    public string Url { get; private set; } = "";

    public int Refusals => Volatile.Read(ref _refusals);

    public int VolumeRequests => Volatile.Read(ref _volumeRequests);

    public int BlobRequests => Volatile.Read(ref _blobRequests);

    public AnnouncementLog Announcements => _app.Services.GetRequiredService<AnnouncementLog>();

    public StandInTrainingDesk Training => _app.Services.GetRequiredService<StandInTrainingDesk>();

    /// <summary>Stores bytes as the portal's blob store does (named by their SHA-256, served at <c>GET /api/worker/blobs/{hash}</c>) and returns the hash.</summary>
    public string PutBlob(byte[] bytes)
    {
        var hash = BlobKey.Of(bytes).Hex;
        _blobs[hash] = bytes;
        return hash;
    }

    public byte[]? Blob(string? hash) => hash is not null && _blobs.TryGetValue(hash, out var bytes) ? bytes : null;

    /// <summary>A stand-in portal listening on 127.0.0.1 (an ephemeral port) that accepts only <paramref name="token"/>.</summary>
    public static async Task<StandInPortal> StartAsync(string token)
    {
        var portal = new StandInPortal(token);
        await portal._app.StartAsync();
        portal.Url = portal._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return portal;
    }

    /// <summary>Serves the volume as the blob store keeps it (WSVL) under its blob key, the hash a job names, and returns the key.</summary>
    public async Task<string> ServeAsync(Volume volume)
    {
        using var stream = new MemoryStream();
        await VolumeBlobFormat.WriteAsync(volume, stream, CancellationToken.None);
        var bytes = stream.ToArray();
        var key = BlobKey.Of(bytes).Hex;
        _volumes[key] = bytes;
        return key;
    }

    /// <summary>Serves a blob (a model file) under its key, the SHA-256 of its bytes, as <c>GET /api/worker/blobs/{hash}</c> does, and returns the key.</summary>
    public string ServeBlob(byte[] bytes)
    {
        var key = BlobKey.Of(bytes).Hex;
        _blobs[key] = bytes;
        return key;
    }

    /// <summary>Serves other bytes under a volume's key, as a damaged store or a meddling proxy would.</summary>
    public void ServeDamaged(string key, byte[] bytes) => _volumes[key] = bytes;

    public async Task<SuggestionJobResult> SuggestAsync(SuggestionJob job)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Worker().InvokeAsync<SuggestionJobResult>("Suggest", job, timeout.Token);
    }

    public async Task<EmbeddingJobResult> ComputeEmbeddingsAsync(EmbeddingJob job)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Worker().InvokeAsync<EmbeddingJobResult>("ComputeEmbeddings", job, timeout.Token);
    }

    /// <summary>Completes when the first volume request arrives.</summary>
    public Task VolumeAsked => _volumeAsked.Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Volume requests wait (a slow blob store) until <see cref="ReleaseVolumes"/>.</summary>
    public void HoldVolumes() => _volumesHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseVolumes() => _volumesHeld.TrySetResult();

    /// <summary>The portal's optional CancelJob to the latest worker.</summary>
    public Task CancelJobAsync(Guid jobId) => Worker().SendAsync("CancelJob", jobId);

    /// <summary>Drops the latest worker's connection from the server side, as a portal restart or a network cut would.</summary>
    public void DropWorkerConnection() => Announcements.Latest.Context.Abort();

    public async ValueTask DisposeAsync()
    {
        ReleaseVolumes();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    private ISingleClientProxy Worker() =>
        _app.Services.GetRequiredService<IHubContext<StandInWorkerHub>>().Clients.Client(Announcements.Latest.ConnectionId);
}
