using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.ML.Models;

/// <summary>
/// What a project's U-Net sees of one axial slice, the one rule for training (the worker) and serving (the "project-model"
/// engine): the volume's default window for its modality (<see cref="ModalityWindows.Default"/>) mapped linearly to [0, 1],
/// the slice and <c>neighbours</c> slices on each side (the edge slice repeats past the ends) as channels, each resampled
/// bilinearly to <c>side</c> × <c>side</c> with pixel centres aligned (x fastest). Coordinates and masks move between the
/// slice's pixels and the network's with <see cref="ToNetworkX"/>, <see cref="ToNetworkY"/> and <see cref="Resample(bool[], int)"/>.
/// </summary>
public sealed class NetworkInput
{
    private readonly Volume _volume;
    private readonly double _low;
    private readonly double _width;

    public NetworkInput(Volume volume, string? modality, int side)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 1);
        _volume = volume;
        Side = side;
        var window = ModalityWindows.Default(modality, volume);
        _width = Math.Max(window.Width, 1e-6);
        _low = window.Center - (_width / 2);
    }

    public int Side { get; }

    public int Slices => _volume.Nz;

    /// <summary>[(1 + 2·neighbours) · side · side] intensities in [0, 1] for axial slice <paramref name="slice"/>.</summary>
    public float[] Channels(int slice, int neighbours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(neighbours);
        if ((uint)slice >= (uint)_volume.Nz)
        {
            throw new ArgumentOutOfRangeException(nameof(slice), slice, $"the volume has {_volume.Nz} slices");
        }

        var size = Side * Side;
        var channels = new float[(1 + (2 * neighbours)) * size];
        var source = new float[_volume.Nx * _volume.Ny];
        for (var c = 0; c <= 2 * neighbours; c++)
        {
            _volume.CopySlice(Math.Clamp(slice + c - neighbours, 0, _volume.Nz - 1), source);
            ResampleInto(source, channels.AsSpan(c * size, size));
        }

        return channels;
    }

    /// <summary>A slice-pixel x (voxel centres at integers) in the network's pixels.</summary>
    public double ToNetworkX(double x) => ((x + 0.5) * Side / _volume.Nx) - 0.5;

    /// <summary>A slice-pixel y in the network's pixels.</summary>
    public double ToNetworkY(double y) => ((y + 0.5) * Side / _volume.Ny) - 0.5;

    /// <summary>How many network pixels one slice pixel spans (the mean of both axes), for stroke widths.</summary>
    public double Scale => ((double)Side / _volume.Nx + (double)Side / _volume.Ny) / 2;

    /// <summary>A slice-sized mask (x fastest) at the network's side, nearest neighbour.</summary>
    public bool[] Resample(bool[] mask, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var result = new bool[Side * Side];
        for (var y = 0; y < Side; y++)
        {
            var sy = Math.Min(_volume.Ny - 1, (int)((y + 0.5) * _volume.Ny / Side));
            for (var x = 0; x < Side; x++)
            {
                var sx = Math.Min(_volume.Nx - 1, (int)((x + 0.5) * _volume.Nx / Side));
                result[(y * Side) + x] = mask[offset + (sy * _volume.Nx) + sx];
            }
        }

        return result;
    }

    private void ResampleInto(float[] source, Span<float> destination)
    {
        var (nx, ny) = (_volume.Nx, _volume.Ny);
        for (var y = 0; y < Side; y++)
        {
            var fy = Math.Clamp(((y + 0.5) * ny / Side) - 0.5, 0, ny - 1);
            var y0 = (int)fy;
            var y1 = Math.Min(y0 + 1, ny - 1);
            var wy = fy - y0;
            for (var x = 0; x < Side; x++)
            {
                var fx = Math.Clamp(((x + 0.5) * nx / Side) - 0.5, 0, nx - 1);
                var x0 = (int)fx;
                var x1 = Math.Min(x0 + 1, nx - 1);
                var wx = fx - x0;
                var top = (source[(y0 * nx) + x0] * (1 - wx)) + (source[(y0 * nx) + x1] * wx);
                var bottom = (source[(y1 * nx) + x0] * (1 - wx)) + (source[(y1 * nx) + x1] * wx);
                var value = (top * (1 - wy)) + (bottom * wy);
                destination[(y * Side) + x] = (float)Math.Clamp((value - _low) / _width, 0, 1);
            }
        }
    }
}
