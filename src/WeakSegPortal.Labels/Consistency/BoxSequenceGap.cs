using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Consistency;

/// <summary>
/// A structure boxed on slices a and b (boxes that overlap in the plane, so the same structure) with no box of its
/// class on the slices between, and none of them tagged absent: a slice was most likely skipped. Boxes are compared
/// with boxes on the same plane: coronal boxes on coronal slices j (their finding names the axial slices both cross).
/// </summary>
public sealed class BoxSequenceGap : IConsistencyRule
{
    public string Name => "box-gap";

    public IEnumerable<ConsistencyFinding> Check(WeakLabels labels, Grid grid, ConsistencyOptions options, Func<int, string> className)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(className);
        foreach (var byClass in labels.Boxes.GroupBy(b => (b.ClassId, b.Plane)))
        {
            var (classId, plane) = byClass.Key;
            var absent = labels.Tags.Where(t => t.ClassId == classId && !t.Present && t.Slice is not null)
                .Select(t => t.Slice!.Value).ToHashSet();
            var bySlice = byClass.GroupBy(b => b.Slice).OrderBy(g => g.Key).ToList();
            for (var i = 1; i < bySlice.Count; i++)
            {
                var (below, above) = (bySlice[i - 1], bySlice[i]);
                var missing = Enumerable.Range(below.Key + 1, above.Key - below.Key - 1).ToList();
                if (missing.Count == 0 || !below.Any(b => above.Any(a => Overlap(a, b))))
                {
                    continue;
                }
                if (plane == SlicePlane.Axial)
                {
                    if (!missing.Any(absent.Contains))
                    {
                        yield return new ConsistencyFinding(Name, classId, missing,
                            $"{className(classId)} is boxed on {SliceList.Describe([below.Key, above.Key])} but not on {SliceList.Describe(missing)} between them: box {(missing.Count == 1 ? "it" : "them")}, or tag the class absent there.");
                    }
                    continue;
                }
                // A gap between coronal (or sagittal) slices is seen on the axial slices both boxes cross.
                var axial = below.SelectMany(BoxVoxels.AxialSlices).Intersect(above.SelectMany(BoxVoxels.AxialSlices)).Order().ToList();
                yield return new ConsistencyFinding(Name, classId, axial,
                    $"{className(classId)} is boxed on {SliceList.Describe([below.Key, above.Key], plane)} but not on {SliceList.Describe(missing, plane)} between them: box {(missing.Count == 1 ? "it" : "them")} in the {plane.ToString().ToLowerInvariant()} view.");
            }
        }
    }

    private static bool Overlap(Box2D a, Box2D b) =>
        a.MinX < b.MaxX && b.MinX < a.MaxX && a.MinY < b.MaxY && b.MinY < a.MaxY;
}
