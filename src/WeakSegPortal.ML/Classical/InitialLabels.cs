using OpenCvSharp;

namespace WeakSegPortal.ML.Classical;

/// <summary>GrabCut's starting label map, from a box or from seeds.</summary>
internal static class InitialLabels
{
    private const int FrameWidth = 2;

    /// <summary>Outside the box definitely background, inside probably foreground; seeds are definite.</summary>
    public static byte[] FromBox(int width, int height, Rect box, sbyte[] seeds)
    {
        var labels = new byte[width * height];
        for (var y = box.Top; y < box.Bottom; y++)
        {
            Array.Fill(labels, (byte)GrabCutClasses.PR_FGD, (y * width) + box.Left, box.Width);
        }

        ApplySeeds(labels, seeds);
        return labels;
    }

    /// <summary>
    /// Seeds grown into a first guess: a flood fill from the object's seeds over the filtered slice, within
    /// three standard deviations of the seeds' grey levels (at least 10), stopped by "not the object" seeds and the
    /// region's edge, marks "probably object"; the rest of the region is "probably background" and, when no seed
    /// says where the background is, the region's outer frame is definite background. Seeds are definite.
    /// </summary>
    public static byte[] FromSeeds(byte[] filtered, int width, int height, Rect region, sbyte[] seeds)
    {
        var background = (sbyte[])seeds.Clone();
        if (!Array.Exists(seeds, s => s < 0))
        {
            MarkFrame(background, width, region);
        }

        var labels = new byte[width * height];
        for (var y = region.Top; y < region.Bottom; y++)
        {
            Array.Fill(labels, (byte)GrabCutClasses.PR_BGD, (y * width) + region.Left, region.Width);
        }

        foreach (var n in SeedFlood.Grow(filtered, width, height, region, background))
        {
            labels[n] = (byte)GrabCutClasses.PR_FGD;
        }

        ApplySeeds(labels, background);
        return labels;
    }

    /// <summary>
    /// Narrows a first guess to a smaller work region: when no seed says where the background is, the narrower
    /// region's outer frame becomes definite background (as <see cref="FromSeeds"/> does for its own region),
    /// except where the guess already says object.
    /// </summary>
    public static void FrameAsBackground(byte[] labels, int width, Rect region, sbyte[] seeds)
    {
        if (Array.Exists(seeds, s => s < 0))
        {
            return;
        }

        var frame = new sbyte[labels.Length];
        MarkFrame(frame, width, region);
        for (var n = 0; n < labels.Length; n++)
        {
            if (frame[n] < 0 && labels[n] == (byte)GrabCutClasses.PR_BGD)
            {
                labels[n] = (byte)GrabCutClasses.BGD;
            }
        }
    }

    private static void MarkFrame(sbyte[] seeds, int width, Rect region)
    {
        for (var y = region.Top; y < region.Bottom; y++)
        {
            for (var x = region.Left; x < region.Right; x++)
            {
                var nearEdge = x - region.Left < FrameWidth || region.Right - 1 - x < FrameWidth
                    || y - region.Top < FrameWidth || region.Bottom - 1 - y < FrameWidth;
                if (nearEdge && seeds[(y * width) + x] == 0)
                {
                    seeds[(y * width) + x] = -1;
                }
            }
        }
    }

    private static void ApplySeeds(byte[] labels, sbyte[] seeds)
    {
        for (var n = 0; n < labels.Length; n++)
        {
            if (seeds[n] != 0)
            {
                labels[n] = seeds[n] > 0 ? (byte)GrabCutClasses.FGD : (byte)GrabCutClasses.BGD;
            }
        }
    }
}
