using OpenCvSharp;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.ML.Classical;

/// <summary>Pixel rectangles from continuous boxes (a pixel belongs when its centre lies inside), clipped to the slice.</summary>
internal static class PixelRegion
{
    public static Rect Covered(Box2D box, int width, int height)
    {
        var x0 = Math.Clamp((int)Math.Ceiling(box.MinX), 0, width - 1);
        var y0 = Math.Clamp((int)Math.Ceiling(box.MinY), 0, height - 1);
        var x1 = Math.Clamp((int)Math.Floor(box.MaxX), x0, width - 1);
        var y1 = Math.Clamp((int)Math.Floor(box.MaxY), y0, height - 1);
        return new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /// <summary>The rectangle grown by a fraction of its size (at least <paramref name="minimum"/> pixels) on each side.</summary>
    public static Rect Grown(Rect rect, double fraction, int minimum, int width, int height)
    {
        var dx = Math.Max(minimum, (int)Math.Round(rect.Width * fraction));
        var dy = Math.Max(minimum, (int)Math.Round(rect.Height * fraction));
        var x0 = Math.Max(0, rect.Left - dx);
        var y0 = Math.Max(0, rect.Top - dy);
        var x1 = Math.Min(width, rect.Right + dx);
        var y1 = Math.Min(height, rect.Bottom + dy);
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>The smallest rectangle holding every seed (of either sign).</summary>
    public static Rect Bounding(sbyte[] seeds, int width)
    {
        var (x0, y0, x1, y1) = (int.MaxValue, int.MaxValue, -1, -1);
        for (var n = 0; n < seeds.Length; n++)
        {
            if (seeds[n] != 0)
            {
                var (x, y) = (n % width, n / width);
                (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
            }
        }

        return x1 < 0 ? default : new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /// <summary>
    /// The smallest rectangle holding every pixel labelled object (definite or probable) in <paramref name="labels"/>
    /// within <paramref name="within"/>, grown by a fraction of its size (at least <paramref name="minimum"/> pixels)
    /// on each side and clipped to <paramref name="within"/>; <paramref name="within"/> itself when nothing is labelled object.
    /// </summary>
    public static Rect AroundObject(byte[] labels, int width, Rect within, double fraction, int minimum)
    {
        var (x0, y0, x1, y1) = (int.MaxValue, int.MaxValue, -1, -1);
        for (var y = within.Top; y < within.Bottom; y++)
        {
            for (var x = within.Left; x < within.Right; x++)
            {
                if (labels[(y * width) + x] is (byte)GrabCutClasses.FGD or (byte)GrabCutClasses.PR_FGD)
                {
                    (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
                }
            }
        }

        if (x1 < 0)
        {
            return within;
        }

        var grown = Grown(new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1), fraction, minimum, within.Right, within.Bottom);
        var (left, top) = (Math.Max(grown.Left, within.Left), Math.Max(grown.Top, within.Top));
        return new Rect(left, top, grown.Right - left, grown.Bottom - top);
    }
}
