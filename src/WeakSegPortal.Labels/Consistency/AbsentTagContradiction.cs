using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Consistency;

/// <summary>A class tagged absent on a slice (or on the whole item) that has a box, scribble, point or mask of that class there.</summary>
public sealed class AbsentTagContradiction : IConsistencyRule
{
    public string Name => "absent-but-drawn";

    public IEnumerable<ConsistencyFinding> Check(WeakLabels labels, Grid grid, ConsistencyOptions options, Func<int, string> className)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(className);
        var drawn = DrawnSlices.Of(labels, grid);
        foreach (var tag in labels.Tags.Where(t => !t.Present))
        {
            if (!drawn.TryGetValue(tag.ClassId, out var slices))
            {
                continue;
            }

            if (tag.Slice is int slice)
            {
                if (slices.Contains(slice))
                {
                    yield return new ConsistencyFinding(Name, tag.ClassId, [slice],
                        $"{className(tag.ClassId)} is tagged absent on {SliceList.Describe([slice])}, but has a label there.");
                }
            }
            else
            {
                var all = slices.Order().ToList();
                yield return new ConsistencyFinding(Name, tag.ClassId, all,
                    $"{className(tag.ClassId)} is tagged absent from the whole image, but {SliceList.Describe(all)} {(all.Count == 1 ? "has" : "have")} a label of it.");
            }
        }
    }
}
