using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Rendering;

namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>
/// A demo CT as the portal seeds it (192², 24 slices, seed 1), generated once per run, with each organ's exact mask on
/// a slice and the tightest box around it (pixel edges: the outermost voxel centres lie half a pixel inside).
/// </summary>
public static class DemoCt
{
    public const int Slice = 12;

    private static readonly Lazy<DemoCase> Case = new(() => new DemoVolumeGenerator(1).CreateCt(192, 24));

    public static DemoCase Volume => Case.Value;

    public static bool[] Truth(int labelId, int slice = Slice) =>
        Array.ConvertAll(SliceExtractor.Extract(Volume.Labels, SliceOrientation.Axial, slice).Values, v => (int)v == labelId);

    public static (double X0, double Y0, double X1, double Y1) TightBox(bool[] truth)
    {
        var width = Volume.Image.Nx;
        var (x0, y0, x1, y1) = (int.MaxValue, int.MaxValue, int.MinValue, int.MinValue);
        for (var n = 0; n < truth.Length; n++)
        {
            if (truth[n])
            {
                var (x, y) = (n % width, n / width);
                (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
            }
        }

        return (x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5);
    }
}
