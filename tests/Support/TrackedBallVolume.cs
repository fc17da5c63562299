using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Testing;

/// <summary>
/// A small CT volume for propagating through the tracking SAM test decoder (<see cref="SamTestModels.Tracking"/>), shared by
/// the ML and Worker tests: an ellipsoid of 200 HU (semi-axes 16 × 11 px in-plane, 9 slices) centred on slice
/// <see cref="Centre"/> and drifting right by half a pixel a slice, beside a rod of 200 HU (radius 6 px, every slice) about
/// ten pixels away, on fat at −100 HU, with Gaussian noise σ 20 HU. Slices are 80 × 56, not square, so SAM's frame pads them.
/// </summary>
public sealed class TrackedBallVolume
{
    public const int Width = 80, Height = 56, Slices = 25, Centre = 12;
    public const double A = 16, B = 11, C = 9;

    private readonly float[] _values = new float[Width * Height * Slices];
    private readonly bool[][] _truth = new bool[Slices][];
    private readonly bool[] _rod = new bool[Width * Height];

    public TrackedBallVolume(int seed = 3)
    {
        var random = new Random(seed);
        for (var k = 0; k < Slices; k++)
        {
            var dz = (k - Centre) / C;
            var scale = dz * dz < 1 ? Math.Sqrt(1 - (dz * dz)) : 0;
            var cx = 30 + (0.5 * (k - Centre));
            var truth = new bool[Width * Height];
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    var n = (y * Width) + x;
                    truth[n] = scale > 0 && Sq((x - cx) / (A * scale)) + Sq((y - 28) / (B * scale)) <= 1;
                    _rod[n] = Sq(x - 66) + Sq(y - 14) <= 36;
                    var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                    _values[(k * Width * Height) + n] = (float)((truth[n] || _rod[n] ? 200 : -100) + (20 * gaussian));
                }
            }

            _truth[k] = truth;
        }
    }

    /// <summary>The ellipsoid's own pixels on a slice (the rod is not part of it).</summary>
    public bool[] Truth(int slice) => _truth[slice];

    /// <summary>The rod's pixels, the same on every slice.</summary>
    public bool[] Rod => _rod;

    public PromptImage Image(int slice) =>
        new("tracked-ball", SliceOrientation.Axial, slice, Width, Height, _values.AsSpan(slice * Width * Height, Width * Height).ToArray(), 1, 1, "CT");

    public Volume ToVolume() =>
        Volume.FromFloat32(new VolumeGeometry(Width, Height, Slices, new Vec3(1, 1, 2), new Vec3(0, 0, 0), Direction3.Identity),
            new VolumeMetadata { Modality = "CT" }, _values);

    /// <summary>The same slices laid along <paramref name="along"/> (<see cref="AlongPlane"/>): that plane's slice n shows <see cref="Image"/>(n) pixel for pixel.</summary>
    public Volume Along(SliceOrientation along) =>
        AlongPlane.Lay(n => _values.AsSpan(n * Width * Height, Width * Height).ToArray(), Width, Height, Slices, along, "CT");

    private static double Sq(double v) => v * v;
}
