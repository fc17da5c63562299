namespace WeakSegPortal.ML.Classical;

/// <summary>
/// Stretches the windowed grey levels so that the 2nd–98th percentile inside the box spans 0–255. A CT soft-tissue
/// window leaves liver and its surroundings 13 grey levels apart (60 vs 40 HU in 400); GrabCut's smoothness term
/// then wins and the object vanishes (Dice 0 on the demo livers). Stretched to the box, the same cut reaches 0.95.
/// Grey levels the modality window clipped (0 and 255: air, bone) are left out of the percentiles: a box drawn a
/// couple of pixels past the body's edge holds more than 2 % air, which otherwise pins the low end at air and
/// leaves liver and body 13 levels apart again (an empty mask from a box the annotator drew around the liver).
/// </summary>
internal static class LocalContrast
{
    public static byte[] StretchTo(byte[] grey, int width, OpenCvSharp.Rect box)
    {
        var histogram = new int[256];
        for (var y = box.Top; y < box.Bottom; y++)
        {
            for (var x = box.Left; x < box.Right; x++)
            {
                histogram[grey[(y * width) + x]]++;
            }
        }

        var clipped = histogram[0] + histogram[255];
        var total = box.Width * box.Height;
        if (total - clipped >= total / 4)
        {
            (histogram[0], histogram[255]) = (0, 0);
            total -= clipped;
        }

        var low = Percentile(histogram, total * 0.02);
        var high = Percentile(histogram, total * 0.98);
        if (high - low < 2)
        {
            return grey;
        }

        var lookup = new byte[256];
        for (var v = 0; v < 256; v++)
        {
            lookup[v] = (byte)Math.Clamp((int)Math.Round((v - low) * 255.0 / (high - low)), 0, 255);
        }

        return Array.ConvertAll(grey, v => lookup[v]);
    }

    private static int Percentile(int[] histogram, double rank)
    {
        var seen = 0;
        for (var v = 0; v < histogram.Length; v++)
        {
            seen += histogram[v];
            if (seen > rank)
            {
                return v;
            }
        }

        return histogram.Length - 1;
    }
}
