using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Slices;

/// <summary>
/// Cuts and encodes slices of items: raw 16-bit (WSSL) for the browser's own window/level, and
/// windowed 8-bit PNG. Encoded slices are cached by content hash, so a warm request is a lookup.
/// </summary>
public sealed class SliceService(VolumeCache volumes, IOptions<StorageOptions> options) : IDisposable
{
    private readonly MemoryCache _slices = new(new MemoryCacheOptions { SizeLimit = options.Value.SliceCacheBytes });

    public async Task<ItemImageInfo?> InfoAsync(ItemView item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        var info = await _slices.GetOrCreateAsync($"info:{item.ContentHash}", async entry =>
        {
            entry.Size = 1024;
            if (await volumes.GetAsync(item.VolumeKey, ct) is not { } volume)
            {
                return null;
            }
            var (min, max) = volume.ValueRange();
            // Per modality, default first (ModalityWindows): CT's presets in HU, the volume's own robust window for MR and others.
            var presets = ModalityWindows.For(item.Modality, volume).Select(w => new WindowPreset(w.Name, w.Window.Center, w.Window.Width)).ToArray();
            var window = presets[0];
            var g = item.Geometry;
            return new ItemImageInfo(item.Id, item.ProjectId, item.Name, g.Nx, g.Ny, g.Nz, g.Spacing, g.Origin, g.Direction, item.Modality,
                min, max, window, presets, $"/api/items/{item.Id}/slices/axial/{{k}}.raw?v={item.ContentHash}");
        });
        // Cached by content: the same pixels may be another item's (another project's), so the item's own id and name go in here.
        return info is null ? null : info with { Id = item.Id, ProjectId = item.ProjectId, Name = item.Name, SliceUrl = $"/api/items/{item.Id}/slices/axial/{{k}}.raw?v={item.ContentHash}" };
    }

    public Task<EncodedSlice?> RawAsync(ItemView item, SliceOrientation orientation, int index, CancellationToken ct) =>
        CachedAsync(item, $"{orientation}-{index}-raw", volume =>
        {
            var body = RawSliceFormat.Encode(volume, orientation, index);
            return (body, SliceGzip.Compress(body), "application/octet-stream");
        }, ct);

    public Task<EncodedSlice?> PngAsync(ItemView item, SliceOrientation orientation, int index, WindowLevel window, CancellationToken ct) =>
        CachedAsync(item, $"{orientation}-{index}-png-{window.Center:0.###}-{window.Width:0.###}", volume =>
            (PngSliceEncoder.Encode(SliceExtractor.Extract(volume, orientation, index), window), null, "image/png"), ct);

    public async Task<int?> SliceCountAsync(ItemView item, SliceOrientation orientation, CancellationToken ct) =>
        await volumes.GetAsync(item.VolumeKey, ct) is { } volume ? SliceExtractor.SliceCount(volume, orientation) : null;

    private async Task<EncodedSlice?> CachedAsync(ItemView item, string variant, Func<Volume, (byte[] Body, byte[]? Gzipped, string Type)> encode, CancellationToken ct)
    {
        var key = $"{item.ContentHash}:{variant}";
        if (_slices.TryGetValue(key, out EncodedSlice? cached))
        {
            return cached;
        }
        if (await volumes.GetAsync(item.VolumeKey, ct) is not { } volume)
        {
            return null;
        }
        var (body, gzipped, type) = encode(volume);
        var slice = new EncodedSlice(body, gzipped, type, $"\"{item.ContentHash[..Math.Min(16, item.ContentHash.Length)]}-{variant}\"");
        _slices.Set(key, slice, new MemoryCacheEntryOptions { Size = body.Length + (gzipped?.Length ?? 0), SlidingExpiration = TimeSpan.FromMinutes(10) });
        return slice;
    }

    public void Dispose() => _slices.Dispose();
}
