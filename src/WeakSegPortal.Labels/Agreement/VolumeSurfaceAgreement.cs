using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>HD95 and ASSD in millimetres between annotators' regions of each class across slices, and the slices that disagree most.</summary>
/// <remarks>
/// Definitions (<see cref="SurfaceDistance"/>): a surface voxel has a face neighbour outside the region (6-connected in a
/// volume, the image edge counting as outside); each surface voxel of one region is measured to the nearest surface voxel
/// of the other with the exact Euclidean distance transform at the item's spacing (anisotropic voxels give true mm);
/// both directed sets are pooled. HD95 is the pooled set's 95th percentile (linear interpolation, NumPy's default) and
/// ASSD its mean: Heimann et al., IEEE TMI 2009 (the liver challenge's average symmetric surface distance) and
/// MedPy's hd95. MONAI's HD95 instead takes the larger of the two directed 95th percentiles, and MedPy's assd the mean of
/// the two directed means: both differ from these when one surface is much larger than the other.
/// An annotator's region is their paint of the class, or the inside of their boxes of it (<see cref="ClassRegion"/>).
/// Across slices a region's extent is part of its shape: a slice where one annotator drew the class and the other did not
/// counts (a structure stopped two slices early is two slice spacings off), as in any 3D evaluation of two segmentations.
/// One region empty and the other not is unbounded (+∞). Slices are ranked by their worst in-plane
/// HD95 (unbounded first), then ASSD, then the lower Dice.
/// </remarks>
public static class VolumeSurfaceAgreement
{
    public static VolumeSurfaceFigures Compute(Grid grid, IReadOnlyList<(Guid AnnotatorId, WeakLabels Labels)> annotators, IReadOnlyList<int> classIds)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(annotators);
        ArgumentNullException.ThrowIfNull(classIds);
        var pairs = new List<PairSurfaceFigures>();
        var worst = new Dictionary<int, SliceDisagreement>();
        foreach (var classId in classIds)
        {
            var regions = annotators.Select(a => (a.AnnotatorId, Region: ClassRegion.Of(a.Labels, classId, grid))).ToList();
            for (var x = 0; x < regions.Count; x++)
            {
                for (var y = x + 1; y < regions.Count; y++)
                {
                    var (a, b) = (regions[x], regions[y]);
                    if (a.Region.Source == RegionSource.None && b.Region.Source == RegionSource.None)
                    {
                        continue;
                    }
                    var (maskA, maskB) = (a.Region.Mask, b.Region.Mask);
                    var drawn = SlicesWithAny(maskA, grid).Union(SlicesWithAny(maskB, grid)).Order().ToList();
                    if (drawn.Count == 0)
                    {
                        continue;
                    }
                    pairs.Add(new PairSurfaceFigures(classId, a.AnnotatorId, b.AnnotatorId, Distances(maskA, maskB, grid), drawn.Count));
                    foreach (var slice in drawn)
                    {
                        if (OnSlice(maskA, maskB, grid, slice, classId, a.AnnotatorId, b.AnnotatorId) is { } found
                            && (!worst.TryGetValue(slice, out var known) || Rank(found, known) < 0))
                        {
                            worst[slice] = found;
                        }
                    }
                }
            }
        }
        var ranked = worst.Values.ToList();
        ranked.Sort(Rank);
        return new VolumeSurfaceFigures(pairs, ranked);
    }

    /// <summary>Negative when <paramref name="x"/> disagrees more than <paramref name="y"/>.</summary>
    public static int Rank(SliceDisagreement x, SliceDisagreement y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var order = y.Distances.Hd95Mm.CompareTo(x.Distances.Hd95Mm);
        if (order == 0)
        {
            order = y.Distances.AssdMm.CompareTo(x.Distances.AssdMm);
        }
        if (order == 0)
        {
            order = x.Dice.CompareTo(y.Dice);
        }
        return order == 0 ? x.Slice.CompareTo(y.Slice) : order;
    }

    private static SurfaceDistances Distances(bool[] a, bool[] b, Grid grid) =>
        MaskCrop.Around(a, b, grid) is { } crop ? SurfaceDistance.Compute(crop.A, crop.B, crop.Grid) : SurfaceDistances.Identical;

    private static SliceDisagreement? OnSlice(bool[] a, bool[] b, Grid grid, int slice, int classId, Guid first, Guid second)
    {
        var plane = Grid.Planar(grid.Nx, grid.Ny, grid.SpacingX, grid.SpacingY);
        var range = (slice * grid.SliceSize)..((slice + 1) * grid.SliceSize);
        var (sa, sb) = (a[range], b[range]);
        int both = 0, countA = 0, countB = 0;
        for (var v = 0; v < sa.Length; v++)
        {
            countA += sa[v] ? 1 : 0;
            countB += sb[v] ? 1 : 0;
            both += sa[v] && sb[v] ? 1 : 0;
        }
        if (countA == 0 && countB == 0 || (both == countA && both == countB))
        {
            return null;
        }
        var dice = 2.0 * both / (countA + countB);
        return new SliceDisagreement(slice, classId, first, second, Distances(sa, sb, plane), dice);
    }

    private static IEnumerable<int> SlicesWithAny(bool[] mask, Grid grid) =>
        Enumerable.Range(0, grid.Nz).Where(k => mask.AsSpan(k * grid.SliceSize, grid.SliceSize).Contains(true));
}
