using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Worker;

/// <summary>
/// Fetches an item's volume from the portal by content hash (<c>GET {ServerUrl}/api/worker/volumes/{hash}</c>, the
/// machine token as bearer) in the blob store's WSVL format; no image ever travels in a hub message. The hash is the
/// blob key, so the bytes are checked against it.
/// </summary>
public sealed class PortalVolumeClient : IDisposable
{
    private readonly HttpClient _http;

    public PortalVolumeClient(IOptions<WorkerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var worker = options.Value;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(worker.ServerUrl.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // each job's own token bounds the fetch
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", worker.Token);
    }

    public async Task<Volume> FetchAsync(string contentHash, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(contentHash) || !contentHash.All(char.IsAsciiLetterOrDigit))
        {
            throw new VolumeUnavailableException($"'{contentHash}' is not a volume content hash.");
        }

        using var response = await _http.GetAsync($"api/worker/volumes/{contentHash}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new VolumeUnavailableException($"The portal refused this worker's token when it fetched volume {contentHash} ({(int)response.StatusCode}).");
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new VolumeUnavailableException($"The portal has no volume {contentHash}.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new VolumeUnavailableException($"The portal answered {(int)response.StatusCode} for volume {contentHash}.");
        }

        // The hash names the blob (SHA-256 of these bytes): what arrived is checked against it before it is used.
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (BlobKey.TryParse(contentHash, out var key) && BlobKey.Of(bytes) != key)
        {
            throw new VolumeUnavailableException($"Volume {contentHash} arrived damaged: its bytes do not hash to its name.");
        }

        try
        {
            using var body = new MemoryStream(bytes, writable: false);
            return await VolumeBlobFormat.ReadAsync(body, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new VolumeUnavailableException($"Volume {contentHash} from the portal is not a WSVL volume: {e.Message}", e);
        }
        catch (EndOfStreamException e)
        {
            throw new VolumeUnavailableException($"Volume {contentHash} from the portal was cut short.", e);
        }
    }

    public void Dispose() => _http.Dispose();
}
