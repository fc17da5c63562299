using WeakSegPortal.Core.Labels;
using WeakSegPortal.Training.Simulation;

namespace WeakSegPortal.Training.Bench;

/// <summary>A benchmark from outside data: image and label volumes, brought to a working size, labelled by the simulated crowd from the labels.</summary>
/// <remarks>
/// Intensities: CT in HU through a 40/400 window, anything else between its 0.5th and 99.5th percentiles, to [0, 1].
/// Label values become classes 1..K in increasing order (0 stays background) across all volumes. Slices larger than
/// <c>side</c> are subsampled by a whole stride (image: block mean; labels: the block's centre voxel) and the spacing grows
/// by it; then the plane is padded (background, intensity 0) to a multiple of <c>multiple</c> for the U-Net.
/// </remarks>
public static class LabelledVolumeSet
{
    public static BenchSet From(IReadOnlyList<(string Name, string Modality, Grid Grid, float[] Image, int[] Labels)> volumes, int side, int multiple, int seed)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        if (volumes.Count == 0)
        {
            throw new ArgumentException("No volumes.", nameof(volumes));
        }
        var values = volumes.SelectMany(v => v.Labels.Distinct()).Where(l => l > 0).Distinct().Order().ToList();
        if (values.Count == 0 || values.Count > 254)
        {
            throw new ArgumentException($"The label volumes hold {values.Count} foreground values; between 1 and 254 are needed.", nameof(volumes));
        }
        var classOf = values.Select((v, n) => (v, n)).ToDictionary(x => x.v, x => (byte)(x.n + 1));
        var items = new List<BenchItem>();
        foreach (var (volume, n) in volumes.Select((v, n) => (v, n)))
        {
            volume.Grid.EnsureMatches(volume.Image.Length);
            volume.Grid.EnsureMatches(volume.Labels.Length);
            var scaled = Scale(volume.Image, volume.Modality);
            var truth = volume.Labels.Select(l => l > 0 ? classOf[l] : (byte)0).ToArray();
            var (grid, image, labels) = Resize(volume.Grid, scaled, truth, side, multiple);
            var present = Enumerable.Range(0, values.Count + 1).Select(c => c == 0 || labels.Contains((byte)c)).ToArray();
            var phantom = new Phantom(grid, volume.Modality == "CT" ? SimulatedModality.Ct : SimulatedModality.Mr, image, labels, present);
            items.Add(new BenchItem(volume.Name, volume.Modality, grid, image, labels, SimulatedCrowdLabels.Annotate(phantom, SeededRandom.Mix(seed, n))));
        }
        return new BenchSet(items, values.Count + 1, SimulatedCrowdLabels.Names, SimulatedCrowdLabels.Careless);
    }

    private static float[] Scale(float[] image, string modality)
    {
        if (modality == "CT")
        {
            return image.Select(v => Math.Clamp((v + 160f) / 400f, 0f, 1f)).ToArray();
        }
        var sorted = image.Where(float.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new float[image.Length];
        }
        var (low, high) = (sorted[(int)(0.005 * (sorted.Length - 1))], sorted[(int)(0.995 * (sorted.Length - 1))]);
        var range = Math.Max(high - low, 1e-6f);
        return image.Select(v => float.IsFinite(v) ? Math.Clamp((v - low) / range, 0f, 1f) : 0f).ToArray();
    }

    private static (Grid Grid, float[] Image, byte[] Labels) Resize(Grid grid, float[] image, byte[] labels, int side, int multiple)
    {
        var stride = Math.Max(1, (int)Math.Ceiling(Math.Max(grid.Nx, grid.Ny) / (double)side));
        var (nx, ny) = ((grid.Nx + stride - 1) / stride, (grid.Ny + stride - 1) / stride);
        var (px, py) = ((nx + multiple - 1) / multiple * multiple, (ny + multiple - 1) / multiple * multiple);
        var result = new Grid(px, py, grid.Nz, grid.SpacingX * stride, grid.SpacingY * stride, grid.SpacingZ);
        var (outImage, outLabels) = (new float[result.Count], new byte[result.Count]);
        for (var k = 0; k < grid.Nz; k++)
        {
            for (var j = 0; j < ny; j++)
            {
                for (var i = 0; i < nx; i++)
                {
                    double sum = 0;
                    var count = 0;
                    for (var b = j * stride; b < Math.Min(grid.Ny, (j + 1) * stride); b++)
                    {
                        for (var a = i * stride; a < Math.Min(grid.Nx, (i + 1) * stride); a++)
                        {
                            (sum, count) = (sum + image[grid.Index(a, b, k)], count + 1);
                        }
                    }
                    var centre = grid.Index(Math.Min(grid.Nx - 1, i * stride + stride / 2), Math.Min(grid.Ny - 1, j * stride + stride / 2), k);
                    outImage[result.Index(i, j, k)] = (float)(sum / count);
                    outLabels[result.Index(i, j, k)] = labels[centre];
                }
            }
        }
        return (result, outImage, outLabels);
    }
}
