namespace WeakSegPortal.Worker;

/// <summary>
/// A slice's pixels against the network's (<c>side</c> × <c>side</c>, pixel centres aligned as <c>ModelSliceInput</c>
/// resamples the image): coordinates in continuous voxel index space (centres at integers, edges at ±0.5) and masks, nearest
/// neighbour.
/// </summary>
public sealed class NetworkPixels(int width, int height, int side)
{
    public int Side => side;

    /// <summary>A slice-pixel x in the network's pixels.</summary>
    public double X(double x) => ((x + 0.5) * side / width) - 0.5;

    /// <summary>A slice-pixel y in the network's pixels.</summary>
    public double Y(double y) => ((y + 0.5) * side / height) - 0.5;

    /// <summary>How many network pixels one slice pixel spans (the mean of both axes), for stroke widths.</summary>
    public double Scale => ((double)side / width + (double)side / height) / 2;

    /// <summary>The slice-sized mask starting at <paramref name="offset"/> (x fastest) at the network's side.</summary>
    public bool[] Resample(bool[] mask, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var result = new bool[side * side];
        for (var y = 0; y < side; y++)
        {
            var sy = Math.Min(height - 1, (int)((y + 0.5) * height / side));
            for (var x = 0; x < side; x++)
            {
                var sx = Math.Min(width - 1, (int)((x + 0.5) * width / side));
                result[(y * side) + x] = mask[offset + (sy * width) + sx];
            }
        }

        return result;
    }
}
