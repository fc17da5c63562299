using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Demo;

/// <summary>
/// Makes deterministic synthetic CT-like (Int16 HU) and MR-like (Float32, multiplicative bias field)
/// abdomen volumes: a body of soft tissue with a spine, a liver holding a tumour, two kidneys.
/// Each voxel's label is the last structure whose ellipsoid holds the voxel centre, so masks are exact.
/// </summary>
public sealed class DemoVolumeGenerator(int seed)
{
    private const double FieldOfViewMm = 360;
    private const double SliceSpacingMm = 2.5;

    public static IReadOnlyDictionary<int, string> LabelNames { get; } = new Dictionary<int, string>
    {
        [1] = "liver",
        [2] = "kidney_right",
        [3] = "kidney_left",
        [4] = "tumour",
    };

    public DemoCase CreateCt(int size = 128, int? slices = null) => Create("ct", size, slices ?? Math.Max(8, size / 2), isCt: true);

    public DemoCase CreateMr(int size = 128, int? slices = null) => Create("mr", size, slices ?? Math.Max(8, size / 2), isCt: false);

    private DemoCase Create(string name, int size, int slices, bool isCt)
    {
        var random = new Random(seed + (isCt ? 0 : 7919));
        var spacing = new Vec3(FieldOfViewMm / size, FieldOfViewMm / size, SliceSpacingMm);
        var origin = new Vec3(-FieldOfViewMm / 2, -FieldOfViewMm / 2, -slices * SliceSpacingMm / 2);
        var geometry = new VolumeGeometry(size, size, slices, spacing, origin, Direction3.Identity);
        var structures = Structures(random, slices * SliceSpacingMm, isCt);
        var background = isCt ? -1000f : 0f;
        var noiseSigma = isCt ? 12.0 : 15.0;

        var labels = new short[geometry.VoxelCount];
        var values = new float[geometry.VoxelCount];
        long n = 0;
        for (var k = 0; k < slices; k++)
        {
            for (var j = 0; j < size; j++)
            {
                for (var i = 0; i < size; i++, n++)
                {
                    var world = geometry.IndexToWorld(new Vec3(i, j, k));
                    var value = background;
                    short label = 0;
                    foreach (var s in structures)
                    {
                        if (s.Contains(world))
                        {
                            value = s.Intensity;
                            label = s.LabelId > 0 ? (short)s.LabelId : label;
                        }
                    }

                    var noisy = (float)(value + (noiseSigma * Gaussian(random)));
                    values[n] = isCt ? noisy : (float)Math.Max(0, noisy * BiasField(world));
                    labels[n] = label;
                }
            }
        }

        var labelVolume = Volume.FromInt16(geometry, new VolumeMetadata { Modality = "SEG", SeriesDescription = $"demo {name} labels", SourceFormat = "synthetic" }, labels);
        var metadata = new VolumeMetadata
        {
            Modality = isCt ? "CT" : "MR",
            SeriesDescription = $"demo {name} seed {seed}",
            SourceFormat = "synthetic",
            Photometric = "MONOCHROME2",
        };
        var image = isCt
            ? Volume.FromInt16(geometry, metadata, [.. values.Select(v => (short)Math.Clamp(MathF.Round(v), -1024, 3071))])
            : Volume.FromFloat32(geometry, metadata, values);
        return new DemoCase(name, image, labelVolume, structures);
    }

    private static List<DemoStructure> Structures(Random random, double heightMm, bool isCt)
    {
        double Jitter(double scale) => (random.NextDouble() - 0.5) * 2 * scale;
        var halfHeight = heightMm / 2;

        // LPS: +x is the patient's left, +y posterior. The liver sits on the patient's right (−x).
        var liver = new Vec3(-55 + Jitter(8), -10 + Jitter(8), Jitter(5));
        return
        [
            new("body", 0, new Vec3(0, 0, 0), new Vec3(150, 105, halfHeight * 4), isCt ? 40 : 250),
            new("spine", 0, new Vec3(0, 65, 0), new Vec3(18, 18, halfHeight * 4), isCt ? 700 : 120),
            new("liver", 1, liver, new Vec3(70 + Jitter(6), 55 + Jitter(5), Math.Min(60, halfHeight * 0.8)), isCt ? 60 : 450),
            new("kidney_right", 2, new Vec3(-60 + Jitter(4), 50 + Jitter(4), Jitter(4)), new Vec3(22, 28, Math.Min(45, halfHeight * 0.6)), isCt ? 150 : 650),
            new("kidney_left", 3, new Vec3(60 + Jitter(4), 50 + Jitter(4), Jitter(4)), new Vec3(22, 28, Math.Min(45, halfHeight * 0.6)), isCt ? 150 : 650),
            new("tumour", 4, liver + new Vec3(15 + Jitter(5), -5 + Jitter(5), Jitter(3)), new Vec3(15, 13, Math.Min(14, halfHeight * 0.3)), isCt ? 10 : 800),
        ];
    }

    // A smooth multiplicative field (±25 %) like a receive coil's, varying across the body.
    private static double BiasField(Vec3 world) =>
        1 + (0.15 * Math.Sin(world.X / 90)) + (0.1 * Math.Cos(world.Y / 70)) + (0.05 * Math.Sin(world.Z / 40));

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
