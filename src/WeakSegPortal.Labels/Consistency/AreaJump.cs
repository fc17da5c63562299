using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Consistency;

/// <summary>
/// A structure whose area changes between neighbouring slices by more than <see cref="ConsistencyOptions.AreaJumpRatio"/>.
/// Masks are compared with masks (painted area after erasing) and boxes with boxes (summed box area), so a slice with
/// a box and its neighbour with a mask are not compared. Areas under <see cref="ConsistencyOptions.MinAreaVoxels"/> are
/// not judged. Boxes and masks on a coronal or sagittal plane are compared with boxes (masks) on the neighbouring slice of
/// that plane; the finding names the axial slices they cross (a mask: the slices its paint lies on).
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
        foreach (var finding in ReformatBoxJumps(labels, grid, options, className).Concat(ReformatMaskJumps(labels, grid, options, className)))
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

    /// <summary>Painted area after erasing per class and axial slice (<see cref="MaskAnswers"/>).</summary>
    private static Dictionary<(int ClassId, int Slice), double> MaskAreas(WeakLabels labels, Grid grid) =>
        MaskAnswers.Of(labels.Masks, grid).Where(a => a.Plane == SlicePlane.Axial)
            .SelectMany(a => a.Paint.Select(p => (Key: (p.ClassId, a.Slice), Area: (double)p.Pixels.Count(set => set))))
            .ToDictionary(p => p.Key, p => p.Area);

    /// <summary>Coronal masks compared with coronal masks on the neighbouring coronal slice (sagittal likewise), painted area after erasing.</summary>
    private static IEnumerable<ConsistencyFinding> ReformatMaskJumps(WeakLabels labels, Grid grid, ConsistencyOptions options, Func<int, string> className)
    {
        var painted = MaskAnswers.Of(labels.Masks, grid).Where(a => a.Plane != SlicePlane.Axial)
            .SelectMany(a => a.Paint.Select(p => (a.Plane, p.ClassId, a.Slice, p.Pixels)))
            .ToDictionary(p => (p.Plane, p.ClassId, p.Slice), p => p.Pixels);
        foreach (var ((plane, classId, slice), pixels) in painted.OrderBy(p => p.Key.ClassId).ThenBy(p => p.Key.Plane).ThenBy(p => p.Key.Slice))
        {
            if (!painted.TryGetValue((plane, classId, slice + 1), out var nextPixels))
            {
                continue;
            }
            var (area, next) = ((double)pixels.Count(set => set), (double)nextPixels.Count(set => set));
            if (Math.Min(area, next) < options.MinAreaVoxels || Math.Max(area, next) <= options.AreaJumpRatio * Math.Min(area, next))
            {
                continue;
            }
            var width = PlaneVoxels.Of(grid, plane).Nx;
            var axial = pixels.Select((set, p) => (set, p)).Concat(nextPixels.Select((set, p) => (set, p)))
                .Where(x => x.set).Select(x => x.p / width).Distinct().Order().ToList();
            var voxelMm2 = (plane == SlicePlane.Coronal ? grid.SpacingX : grid.SpacingY) * grid.SpacingZ;
            var name = plane.ToString().ToLowerInvariant();
            var axis = plane == SlicePlane.Coronal ? "j" : "i";
            yield return new ConsistencyFinding("area-jump", classId, axial,
                $"{className(classId)}'s {name} mask area jumps from {area * voxelMm2:0.#} mm² on {name} slice {axis}={slice} to {next * voxelMm2:0.#} mm² on {axis}={slice + 1} (more than {options.AreaJumpRatio:0.##}×): check both {name} slices.");
        }
    }
}
