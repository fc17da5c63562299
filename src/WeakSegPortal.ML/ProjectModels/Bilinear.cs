namespace WeakSegPortal.ML.ProjectModels;

/// <summary>Bilinear resampling of one plane (x fastest) with pixel centres aligned, as <see cref="Models.NetworkInput"/> resamples slices to the network.</summary>
internal static class Bilinear
{
    public static float[] Resample(ReadOnlySpan<float> values, int width, int height, int toWidth, int toHeight)
    {
        var result = new float[toWidth * toHeight];
        var (scaleX, scaleY) = (width / (double)toWidth, height / (double)toHeight);
        for (var y = 0; y < toHeight; y++)
        {
            var sy = Math.Clamp(((y + 0.5) * scaleY) - 0.5, 0, height - 1);
            var y0 = (int)sy;
            var y1 = Math.Min(y0 + 1, height - 1);
            var fy = sy - y0;
            for (var x = 0; x < toWidth; x++)
            {
                var sx = Math.Clamp(((x + 0.5) * scaleX) - 0.5, 0, width - 1);
                var x0 = (int)sx;
                var x1 = Math.Min(x0 + 1, width - 1);
                var fx = sx - x0;
                var top = (values[(y0 * width) + x0] * (1 - fx)) + (values[(y0 * width) + x1] * fx);
                var bottom = (values[(y1 * width) + x0] * (1 - fx)) + (values[(y1 * width) + x1] * fx);
                result[(y * toWidth) + x] = (float)((top * (1 - fy)) + (bottom * fy));
            }
        }
        return result;
    }
}
