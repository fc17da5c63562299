using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Consistency;

/// <summary>
/// A structure whose area changes between neighbouring slices by more than <see cref="ConsistencyOptions.AreaJumpRatio"/>.
/// Masks are compared with masks (painted area after erasing) and boxes with boxes (summed box area), so a slice with
/// a box and its neighbour with a mask are not compared. Areas under <see cref="ConsistencyOptions.MinAreaVoxels"/> are
/// not judged.
/// </summary>
public sealed class AreaJump : IConsistencyRule
{
    public string Name => "area-jump";

    public IEnumerable<ConsistencyFinding> Check(WeakLabels labels, Grid grid, ConsistencyOptions options, Func<int, string> className)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(className);
        var voxelMm2 = grid.SpacingX * grid.SpacingY;
        foreach (var (kind, areas) in new[] { ("mask", MaskAreas(labels, grid)), ("box", BoxAreas(labels)) })
        {
            foreach (var ((classId, slice), area) in areas.OrderBy(a => a.Key.ClassId).ThenBy(a => a.Key.Slice))
            {
                if (!areas.TryGetValue((classId, slice + 1), out var next)
                    || Math.Min(area, next) < options.MinAreaVoxels
                    || Math.Max(area, next) <= options.AreaJumpRatio * Math.Min(area, next))
                {
                    continue;
                }

                yield return new ConsistencyFinding(Name, classId, [slice, slice + 1],
                    $"{className(classId)}'s {kind} area jumps from {area * voxelMm2:0.#} mm² on slice k={slice} to {next * voxelMm2:0.#} mm² on k={slice + 1} (more than {options.AreaJumpRatio:0.##}×): check both slices.");
            }
        }
    }

    private static Dictionary<(int ClassId, int Slice), double> BoxAreas(WeakLabels labels) =>
        labels.Boxes.GroupBy(b => (b.ClassId, b.Slice)).ToDictionary(g => g.Key, g => g.Sum(b => b.Area));

    private static Dictionary<(int ClassId, int Slice), double> MaskAreas(WeakLabels labels, Grid grid)
    {
        var painted = new Dictionary<(int ClassId, int Slice), HashSet<int>>();
        foreach (var mask in labels.Masks)
        {
            var key = (mask.ClassId, mask.Slice);
            if (!painted.TryGetValue(key, out var voxels))
            {
                painted[key] = voxels = [];
            }

            mask.Visit(grid, mask.Erases ? i => voxels.Remove(i) : i => voxels.Add(i));
        }

        return painted.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => (double)p.Value.Count);
    }
}
