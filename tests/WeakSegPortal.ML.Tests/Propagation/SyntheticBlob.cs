using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Tests.Propagation;

/// <summary>
/// A volume with a known object: an ellipsoid (semi-axes <see cref="A"/>, <see cref="B"/> in-plane, <see cref="C"/> slices)
/// centred on slice <see cref="Centre"/>, drifting right by half a pixel and shrinking in-plane as it leaves the centre,
/// grey 125 on a background of 80 that brightens by 20 from left to right, with a neighbour of grey 135 two pixels from its widest
/// outline, and Gaussian noise σ 15 (contrast-to-noise 3); MR-style values.
/// </summary>
internal sealed class SyntheticBlob
{
    public const int Width = 96, Height = 96, Slices = 32, Centre = 15;
    public const double A = 22, B = 15, C = 12;

    private readonly float[][] _values = new float[Slices][];
    private readonly bool[][] _truth = new bool[Slices][];

    public SyntheticBlob(int seed = 7)
    {
        var random = new Random(seed);
        for (var k = 0; k < Slices; k++)
        {
            var values = new float[Width * Height];
            var truth = new bool[Width * Height];
            var dz = (k - Centre) / C;
            var scale = dz * dz < 1 ? Math.Sqrt(1 - (dz * dz)) : 0;
            var cx = 44 + (0.5 * (k - Centre));
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    var n = (y * Width) + x;
                    var inside = scale > 0 && Sq((x - cx) / (A * scale)) + Sq((y - 48) / (B * scale)) <= 1;
                    var neighbour = Sq((x - 44) / 14.0) + Sq((y - 74) / 8.0) <= 1;
                    truth[n] = inside;
                    values[n] = (float)((inside ? 125 : neighbour ? 135 : 80 + (20.0 * x / Width)) + (15 * Gaussian(random)));
                }
            }
            (_values[k], _truth[k]) = (values, truth);
        }
    }

    public bool[] Truth(int slice) => _truth[slice];

    /// <summary>A slice's grey values, row-major with x fastest (what <see cref="Image"/> shows).</summary>
    public float[] Values(int slice) => _values[slice];

    public PromptImage Image(int slice) => new("blob", SliceOrientation.Axial, slice, Width, Height, _values[slice], 1, 1, "MR");

    /// <summary>The last slice above <see cref="Centre"/> where the object has at least <paramref name="pixels"/> pixels.</summary>
    public int LastSliceUpWith(int pixels)
    {
        var k = Centre;
        while (k + 1 < Slices && _truth[k + 1].Count(t => t) >= pixels)
        {
            k++;
        }
        return k;
    }

    private static double Sq(double v) => v * v;

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
