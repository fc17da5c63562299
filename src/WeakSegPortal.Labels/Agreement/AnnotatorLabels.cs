using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>One annotator's labels on one item: three-state maps per class id, plus the geometry behind them.</summary>
/// <remarks>A class missing from <see cref="States"/> counts as all Unknown: the annotator said nothing about it.</remarks>
public sealed record AnnotatorLabels(string AnnotatorId, IReadOnlyDictionary<int, byte[]> States, WeakLabels Geometry)
{
    /// <summary>Rasterises <paramref name="geometry"/> for each class (see <see cref="WeakLabelRasterizer"/>).</summary>
    public static AnnotatorLabels FromGeometry(string annotatorId, WeakLabels geometry, IReadOnlyList<int> classIds, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(classIds);
        var states = new Dictionary<int, byte[]>();
        foreach (var classId in classIds)
        {
            states[classId] = WeakLabelRasterizer.Rasterize(geometry, classId, grid);
        }

        return new AnnotatorLabels(annotatorId, states, geometry);
    }
}
