using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Slices;

/// <summary>
/// Decoded volumes by blob key, bounded in bytes. A volume is read once however many slice
/// requests arrive at the same time for it.
/// </summary>
public sealed class VolumeCache(IBlobStore blobs, IOptions<StorageOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.VolumeCacheBytes });

    public Task<Volume?> GetAsync(string volumeKey, CancellationToken ct)
    {
        var entry = _cache.GetOrCreate(volumeKey, e =>
        {
            e.SlidingExpiration = TimeSpan.FromMinutes(30);
            // Sized once loaded; a placeholder size keeps the entry admissible while it loads.
            e.Size = 1;
            return new Lazy<Task<Volume?>>(() => LoadAsync(volumeKey));
        })!;
        return entry.Value.WaitAsync(ct);
    }

    private async Task<Volume?> LoadAsync(string volumeKey)
    {
        if (!BlobKey.TryParse(volumeKey, out var key))
        {
            return null;
        }
        await using var stream = await blobs.OpenReadAsync(key, CancellationToken.None);
        if (stream is null)
        {
            _cache.Remove(volumeKey);
            return null;
        }
        var volume = await VolumeBlobFormat.ReadAsync(stream, CancellationToken.None);
        var bytes = volume.Geometry.VoxelCount * (volume.VoxelType == VoxelType.Int16 ? 2 : 4);
        using (var sized = _cache.CreateEntry(volumeKey))
        {
            sized.Size = bytes;
            sized.SlidingExpiration = TimeSpan.FromMinutes(30);
            sized.Value = new Lazy<Task<Volume?>>(Task.FromResult<Volume?>(volume));
        }
        return volume;
    }

    public void Dispose() => _cache.Dispose();
}
