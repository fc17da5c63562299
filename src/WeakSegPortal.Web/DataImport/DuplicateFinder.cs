using WeakSegPortal.Core.Items;
using WeakSegPortal.Imaging.Staging;

namespace WeakSegPortal.Web.DataImport;

/// <summary>Recognises a volume already in the project, or already taken earlier in the same import, by series UID or content hash.</summary>
internal sealed class DuplicateFinder
{
    private readonly Dictionary<string, string> _bySeries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byContent = new(StringComparer.Ordinal);

    public DuplicateFinder(IEnumerable<ItemView> existing)
    {
        foreach (var item in existing)
        {
            Remember(item.SeriesInstanceUid, item.ContentHash, $"item “{item.Name}”{(item.Source is { } source ? $" ({source.FileName})" : "")} (id {item.Id}) already in the project");
        }
    }

    /// <summary>Why the volume is a duplicate, or null when it is new.</summary>
    public string? Find(StagedVolume volume)
    {
        if (volume.SeriesInstanceUid is { } uid && _bySeries.TryGetValue(uid, out var bySeries))
        {
            return $"Duplicate: the same series (SeriesInstanceUID {uid}) is {bySeries}.";
        }
        return _byContent.TryGetValue(volume.ContentHash, out var byContent)
            ? $"Duplicate: the same image content is {byContent}."
            : null;
    }

    public void Add(StagedVolume volume, Guid itemId) =>
        Remember(volume.SeriesInstanceUid, volume.ContentHash, $"item “{volume.Name}” (id {itemId}) imported just before in this upload");

    private void Remember(string? seriesUid, string contentHash, string what)
    {
        if (!string.IsNullOrEmpty(seriesUid))
        {
            _bySeries.TryAdd(seriesUid, what);
        }
        _byContent.TryAdd(contentHash, what);
    }
}
