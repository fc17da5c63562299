using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Consistency;

/// <summary>
/// A structure whose area changes between neighbouring slices by more than <see cref="ConsistencyOptions.AreaJumpRatio"/>.
/// Masks are compared with masks (painted area after erasing) and boxes with boxes (summed box area), so a slice with
/// a box and its neighbour with a mask are not compared. Areas under <see cref="ConsistencyOptions.MinAreaVoxels"/> are
/// not judged. Boxes on a coronal or sagittal plane are compared with boxes on the neighbouring slice of that plane.
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
        foreach (var finding in ReformatBoxJumps(labels, grid, options, className))
        {
            yield return finding;
        }
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
        labels.Boxes.Where(b => b.IsAxial).GroupBy(b => (b.ClassId, b.Slice)).ToDictionary(g => g.Key, g => g.Sum(b => b.Area));

    /// <summary>Coronal boxes compared with coronal boxes on the neighbouring coronal slice (sagittal likewise); the finding names the axial slices they cross.</summary>
    private static IEnumerable<ConsistencyFinding> ReformatBoxJumps(WeakLabels labels, Grid grid, ConsistencyOptions options, Func<int, string> className)
    {
        foreach (var byPlane in labels.Boxes.Where(b => !b.IsAxial).GroupBy(b => (b.ClassId, b.Plane)).OrderBy(g => g.Key.ClassId).ThenBy(g => g.Key.Plane))
        {
            var (classId, plane) = byPlane.Key;
            var voxelMm2 = (plane == SlicePlane.Coronal ? grid.SpacingX : grid.SpacingY) * grid.SpacingZ;
            var bySlice = byPlane.GroupBy(b => b.Slice).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var slice in bySlice.Keys.Order())
            {
                if (!bySlice.TryGetValue(slice + 1, out var nextBoxes))
                {
                    continue;
                }
                var (area, next) = (bySlice[slice].Sum(b => b.Area), nextBoxes.Sum(b => b.Area));
                if (Math.Min(area, next) < options.MinAreaVoxels || Math.Max(area, next) <= options.AreaJumpRatio * Math.Min(area, next))
                {
                    continue;
                }
                var axial = bySlice[slice].Concat(nextBoxes).SelectMany(b => BoxVoxels.AxialSlices(b, grid)).Distinct().Order().ToList();
                var name = plane.ToString().ToLowerInvariant();
                var axis = plane == SlicePlane.Coronal ? "j" : "i";
                yield return new ConsistencyFinding("area-jump", classId, axial,
                    $"{className(classId)}'s {name} box area jumps from {area * voxelMm2:0.#} mm² on {name} slice {axis}={slice} to {next * voxelMm2:0.#} mm² on {axis}={slice + 1} (more than {options.AreaJumpRatio:0.##}×): check both {name} slices.");
            }
        }
    }

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
