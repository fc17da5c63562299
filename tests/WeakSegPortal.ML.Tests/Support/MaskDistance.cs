namespace WeakSegPortal.ML.Tests.Support;

/// <summary>Chessboard distance of each mask pixel to the nearest pixel outside (two passes), for picking clicks deep inside.</summary>
public static class MaskDistance
{
    public static int[] ToEdge(bool[] mask, int width, int height)
    {
        var d = new int[mask.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var n = (y * width) + x;
                d[n] = !mask[n] ? 0 : 1 + Math.Min(x > 0 && y > 0 ? Math.Min(d[n - 1], Math.Min(d[n - width], d[n - width - 1])) : 0,
                    y > 0 && x < width - 1 ? d[n - width + 1] : 0);
            }
        }

        for (var y = height - 1; y >= 0; y--)
        {
            for (var x = width - 1; x >= 0; x--)
            {
                var n = (y * width) + x;
                if (!mask[n])
                {
                    continue;
                }

                var right = x < width - 1 ? d[n + 1] : 0;
                var down = y < height - 1 ? d[n + width] : 0;
                var downRight = x < width - 1 && y < height - 1 ? d[n + width + 1] : 0;
                var downLeft = x > 0 && y < height - 1 ? d[n + width - 1] : 0;
                d[n] = Math.Min(d[n], 1 + Math.Min(Math.Min(right, down), Math.Min(downRight, downLeft)));
            }
        }

        return d;
    }
}
