using Microsoft.Extensions.Options;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Worker;

/// <summary>
/// Volumes by content hash, least recently used first out once their voxel bytes pass Worker:VolumeCacheBytes. Jobs
/// that want the same volume at once share one fetch; a failed fetch is forgotten, so the next job tries again.
/// A volume bigger than the whole budget is used for its job and not kept.
/// </summary>
public sealed class VolumeCache(PortalVolumeClient portal, IOptions<WorkerOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<Volume>> _fetching = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedListNode<(string Hash, Volume Volume)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Hash, Volume Volume)> _recency = new();
    private readonly long _maxBytes = options.Value.VolumeCacheBytes;
    private long _bytes;

    /// <summary>Fetches from the portal so far (a cache hit fetches nothing).</summary>
    public int Fetches { get; private set; }

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public async Task<Volume> GetAsync(string contentHash, CancellationToken cancellationToken)
    {
        Task<Volume> fetch;
        lock (_gate)
        {
            if (_entries.TryGetValue(contentHash, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Volume;
            }

            if (!_fetching.TryGetValue(contentHash, out fetch!))
            {
                Fetches++;
                // Not tied to one job's token: another job may be waiting for the same volume.
                fetch = FetchAndKeepAsync(contentHash);
                _fetching[contentHash] = fetch;
            }
        }

        return await fetch.WaitAsync(cancellationToken);
    }

    private async Task<Volume> FetchAndKeepAsync(string contentHash)
    {
        try
        {
            using var bound = new CancellationTokenSource(options.Value.JobTimeout);
            try
            {
                var volume = await portal.FetchAsync(contentHash, bound.Token);
                Keep(contentHash, volume);
                return volume;
            }
            catch (OperationCanceledException e) when (bound.IsCancellationRequested)
            {
                throw new VolumeUnavailableException($"The portal did not send volume {contentHash} within Worker:JobTimeout.", e);
            }
            catch (HttpRequestException e)
            {
                throw new VolumeUnavailableException($"Could not fetch volume {contentHash} from the portal: {e.Message}", e);
            }
        }
        finally
        {
            lock (_gate)
            {
                _fetching.Remove(contentHash);
            }
        }
    }

    private void Keep(string contentHash, Volume volume)
    {
        var bytes = SizeOf(volume);
        lock (_gate)
        {
            if (bytes > _maxBytes || _entries.ContainsKey(contentHash))
            {
                return;
            }

            while (_bytes + bytes > _maxBytes && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Hash);
                _bytes -= SizeOf(last.Value.Volume);
            }

            _entries[contentHash] = _recency.AddFirst((contentHash, volume));
            _bytes += bytes;
        }
    }

    private static long SizeOf(Volume volume) => volume.Geometry.VoxelCount * (volume.VoxelType == VoxelType.Int16 ? 2L : 4L);
}
