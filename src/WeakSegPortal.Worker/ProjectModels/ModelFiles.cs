using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using WeakSegPortal.Imaging.Storage;

namespace WeakSegPortal.Worker.ProjectModels;

/// <summary>
/// Project models' ONNX files by hash: fetched once from the portal (<c>GET {ServerUrl}/api/worker/blobs/{hash}</c>, the
/// machine token as bearer), checked against the hash (SHA-256 of the bytes), kept on disk as {hash}.onnx, oldest use
/// first out past ProjectModels:DiskBytes.
/// </summary>
public sealed class ModelFiles : IDisposable
{
    private readonly HttpClient _http;
    private readonly ProjectModelOptions _options;
    private readonly SemaphoreSlim _writing = new(1, 1);

    public ModelFiles(IOptions<WorkerOptions> worker, IOptions<ProjectModelOptions> options)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(worker.Value.ServerUrl.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // the job's own token bounds the fetch
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", worker.Value.Token);
    }

    /// <summary>Fetches from the portal so far (a file already on disk fetches nothing).</summary>
    public int Fetches { get; private set; }

    /// <summary>The local path of the model file named <paramref name="hash"/>, fetched first when it is not on disk.</summary>
    public async Task<string> PathOfAsync(string hash, CancellationToken cancellationToken)
    {
        if (!BlobKey.TryParse(hash, out var key))
        {
            throw new ModelUnavailableException($"'{hash}' is not a model file hash.");
        }
        var path = Path.Combine(_options.Folder, $"{key.Hex}.onnx");
        await _writing.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(path))
            {
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                return path;
            }
            var bytes = await FetchAsync(key, cancellationToken);
            Directory.CreateDirectory(_options.Folder);
            MakeRoom(bytes.LongLength);
            var partial = path + ".partial";
            await File.WriteAllBytesAsync(partial, bytes, cancellationToken);
            File.Move(partial, path, overwrite: true);
            return path;
        }
        finally
        {
            _writing.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _writing.Dispose();
    }

    private async Task<byte[]> FetchAsync(BlobKey key, CancellationToken cancellationToken)
    {
        Fetches++;
        try
        {
            using var response = await _http.GetAsync($"api/worker/blobs/{key.Hex}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var problem = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"The portal refused this worker's token when it fetched model file {key.Hex} ({(int)response.StatusCode}).",
                HttpStatusCode.NotFound => $"The portal has no model file {key.Hex}.",
                _ when !response.IsSuccessStatusCode => $"The portal answered {(int)response.StatusCode} for model file {key.Hex}.",
                _ => null,
            };
            if (problem is not null)
            {
                throw new ModelUnavailableException(problem);
            }
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return BlobKey.Of(bytes) == key ? bytes : throw new ModelUnavailableException($"Model file {key.Hex} arrived damaged: its bytes do not hash to its name.");
        }
        catch (HttpRequestException e)
        {
            throw new ModelUnavailableException($"Could not fetch model file {key.Hex} from the portal: {e.Message}", e);
        }
    }

    private void MakeRoom(long incoming)
    {
        var files = new DirectoryInfo(_options.Folder).GetFiles("*.onnx").OrderBy(f => f.LastWriteTimeUtc).ToList();
        var total = files.Sum(f => f.Length) + incoming;
        foreach (var file in files.TakeWhile(_ => total > _options.DiskBytes))
        {
            total -= file.Length;
            file.Delete(); // an open session keeps its own copy of the model in memory
        }
    }
}
