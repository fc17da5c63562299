using WeakSegPortal.Imaging.Demo;

namespace WeakSegPortal.E2E;

/// <summary>
/// The exact ground truth of a demo item, made again from the name the workspace shows: a pseudonym whose number is
/// the demo case's seed ("DACS-0001" is demo-ct-01, "DACS-0004" demo-mr-04: the seeding registers the cases in order, see
/// Seeding/DemoItems). The seeding uses the same generator, seed and size, so a browser test knows where each organ lies.
/// </summary>
public sealed class DemoTruth
{
    /// <summary>Side and slice count of the seeded demo items (Seeding/DemoItems).</summary>
    private const int Size = 192;
    private const int Slices = 24;
    private const int DemoCases = 4;

    private readonly short[] _labels;

    private DemoTruth(short[] labels) => _labels = labels;

    public static DemoTruth For(string itemName)
    {
        var match = System.Text.RegularExpressions.Regex.Match(itemName, @"^[A-Z0-9]+-(\d+)$");
        Assert.True(match.Success, $"'{itemName}' is not a demo item's pseudonym");
        var seed = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seed, 1, DemoCases);
        var generator = new DemoVolumeGenerator(seed);
        // The last case is the MR-like one (Seeding/DemoItems).
        var demo = seed < DemoCases ? generator.CreateCt(Size, Slices) : generator.CreateMr(Size, Slices);
        return new DemoTruth(demo.Labels.Int16Voxels);
    }

    /// <summary>Whether voxel (i, j) of slice k carries one of the labels.</summary>
    public bool Has(int i, int j, int k, params short[] labels) => labels.Contains(_labels[(((k * Size) + j) * Size) + i]);

    /// <summary>The slice where the labels cover most voxels.</summary>
    public int LargestSlice(params short[] labels) =>
        Enumerable.Range(0, Slices).MaxBy(k => Mask(k, labels).Count(v => v));

    /// <summary>The labels' voxels of slice k, row-major (x fastest), as the mask code reads them.</summary>
    public bool[] Mask(int k, params short[] labels)
    {
        var mask = new bool[Size * Size];
        for (var j = 0; j < Size; j++)
        {
            for (var i = 0; i < Size; i++)
            {
                mask[(j * Size) + i] = Has(i, j, k, labels);
            }
        }
        return mask;
    }

    /// <summary>The labels' bounding box on slice k (voxel centres) and their centroid.</summary>
    public (int I0, int J0, int I1, int J1, double Ci, double Cj) Extent(int k, params short[] labels)
    {
        var mask = Mask(k, labels);
        var cells = Enumerable.Range(0, mask.Length).Where(v => mask[v]).Select(v => (I: v % Size, J: v / Size)).ToList();
        Assert.NotEmpty(cells);
        return (cells.Min(c => c.I), cells.Min(c => c.J), cells.Max(c => c.I), cells.Max(c => c.J), cells.Average(c => c.I), cells.Average(c => c.J));
    }

    /// <summary>Dice of two masks of one slice.</summary>
}
