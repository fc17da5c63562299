using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Worker;

/// <summary>
/// A training run's HTTP side (docs/training-protocol.md, machine token as bearer): the job's dataset
/// (<c>GET /api/worker/training/{jobId}/dataset?attempt=N</c>, 409 when the attempt lost its claim), and blobs
/// (<c>POST /api/worker/blobs</c> → <c>{ "hash" }</c>, <c>GET /api/worker/blobs/{hash}</c>, the bytes checked against the hash).
/// </summary>
public sealed class PortalTrainingClient : IDisposable
{
    /// <summary>The portal's JSON (ASP.NET Core's web defaults: camelCase, case-insensitive).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;

    public PortalTrainingClient(IOptions<WorkerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var worker = options.Value;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(worker.ServerUrl.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // the run's token bounds every call
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", worker.Token);
    }

    public async Task<TrainingDataset> DatasetAsync(Guid jobId, int attempt, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/worker/training/{jobId}/dataset?attempt={attempt}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new TrainingClaimLostException($"Attempt {attempt} of training job {jobId} no longer holds the job.");
        }

        Ensure(response, $"the dataset of training job {jobId}");
        return await response.Content.ReadFromJsonAsync<TrainingDataset>(Json, cancellationToken)
            ?? throw new TrainingDataException($"The portal sent an empty dataset for training job {jobId}.");
    }

    /// <summary>Stores the bytes as a blob; returns its hash.</summary>
    public async Task<string> PutBlobAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await _http.PostAsync("api/worker/blobs", body, cancellationToken);
        Ensure(response, $"a blob of {bytes.Length} bytes");
        var stored = await response.Content.ReadFromJsonAsync<StoredBlob>(Json, cancellationToken);
        return stored?.Hash is { Length: > 0 } hash ? hash : throw new TrainingDataException("The portal stored a blob but named no hash.");
    }

    public async Task<byte[]> GetBlobAsync(string hash, CancellationToken cancellationToken)
    {
        if (!BlobKey.TryParse(hash, out var key))
        {
            throw new TrainingDataException($"'{hash}' is not a blob hash.");
        }

        using var response = await _http.GetAsync($"api/worker/blobs/{hash}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new TrainingDataException($"The portal has no file {hash}.");
        }

        Ensure(response, $"file {hash}");
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return BlobKey.Of(bytes) == key ? bytes : throw new TrainingDataException($"File {hash} arrived damaged: its bytes do not hash to its name.");
    }

    public void Dispose() => _http.Dispose();

    private static void Ensure(HttpResponseMessage response, string what)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new TrainingDataException($"The portal refused this worker's token when it asked for {what} ({(int)response.StatusCode}).");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new TrainingDataException($"The portal answered {(int)response.StatusCode} when asked for {what}.");
        }
    }

    private sealed record StoredBlob(string Hash);
}
