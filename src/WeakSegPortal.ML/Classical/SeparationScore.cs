namespace WeakSegPortal.ML.Classical;

/// <summary>
/// The classical engines' score: 1 minus the overlap of the grey-level histograms (32 bins) inside and just
/// outside the mask within the working region. 1 means the mask's intensities are nowhere else; 0 means the
/// cut separates nothing.
/// </summary>
internal static class SeparationScore
{
    private const int Bins = 32;

    public static double Of(byte[] grey, bool[] mask, int width, OpenCvSharp.Rect region)
    {
        var inside = new double[Bins];
        var outside = new double[Bins];
        var (nIn, nOut) = (0, 0);
        for (var y = region.Top; y < region.Bottom; y++)
        {
            for (var x = region.Left; x < region.Right; x++)
            {
                var n = (y * width) + x;
                var bin = grey[n] * Bins / 256;
                if (mask[n])
                {
                    inside[bin]++;
                    nIn++;
                }
                else
                {
                    outside[bin]++;
                    nOut++;
                }
            }
        }

        if (nIn == 0 || nOut == 0)
        {
            return 0;
        }

        var overlap = 0.0;
        for (var b = 0; b < Bins; b++)
        {
            overlap += Math.Min(inside[b] / nIn, outside[b] / nOut);
        }

        return 1 - overlap;
    }
}
