using System.Globalization;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Dicom.Segmentation;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Web.Exports;

/// <summary>
/// Turns an item's label map (consensus or one annotator's) into a <see cref="SegmentationDocument"/> on the item's DICOM
/// source: one segment per project class (segment n is the n-th class by id), MANUAL unless a label of that class came from
/// a suggestion or another tool (then SEMIAUTOMATIC, named by its engines), frames where a class has voxels.
/// </summary>
public static class DicomSegDocuments
{
    public static SegmentationDocument Of(ItemView item, VolumeGeometry geometry, ProjectSummary project, IReadOnlyList<int> classIds,
        byte[] map, IEnumerable<StoredAnnotation> labels, string contentLabel, string description, string frameOfReferenceUid, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(classIds);
        ArgumentNullException.ThrowIfNull(map);
        var s = item.Source ?? throw new ArgumentException("The item has no source.", nameof(item));
        var source = new SegmentationSource(s.StudyInstanceUid!, s.SeriesInstanceUid!, frameOfReferenceUid, s.SopClassUid!, s.SopInstanceUids!);
        var byClass = labels.ToLookup(l => l.ClassId);
        var segments = new List<SegmentDescription>();
        var segmentOf = new byte[256];
        foreach (var (classId, n) in classIds.Select((c, n) => (c, n + 1)))
        {
            var named = project.Classes.FirstOrDefault(c => c.Id == classId);
            var name = named?.Name ?? $"Class {classId}";
            var (category, type) = SegmentCodes.Of(classId, name);
            var assisted = byClass[classId].Where(l => l.Provenance.Source != Provenance.ManualSource)
                .Select(l => l.Provenance.Engine ?? l.Provenance.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            segments.Add(new SegmentDescription(n, name, assisted.Count > 0 ? SegmentAlgorithmType.Semiautomatic : SegmentAlgorithmType.Manual,
                assisted.Count > 0 ? string.Join(", ", assisted) : null, category, type, Colour(named?.Colour)));
            segmentOf[classId] = (byte)n;
        }
        var segmentMap = new byte[map.Length];
        for (var v = 0; v < map.Length; v++)
        {
            segmentMap[v] = segmentOf[map[v]];
        }
        return new SegmentationDocument(source, geometry, segments, segmentMap, DicomUids.New(), DicomUids.New(), contentLabel, description, at)
        {
            SoftwareVersion = typeof(DicomSegDocuments).Assembly.GetName().Version?.ToString() ?? "1",
        };
    }

    private static (byte R, byte G, byte B)? Colour(string? hex)
    {
        if (hex is not { Length: 7 } || hex[0] != '#' || !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return null;
        }
        return ((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
    }
}
