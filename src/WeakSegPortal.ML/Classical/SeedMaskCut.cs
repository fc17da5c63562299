using OpenCvSharp;
using WeakSegPortal.ML.Intensity;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Classical;

/// <summary>
/// Propagation's classical step: the neighbouring slice's mask, dilated by <see cref="GrowthRadius"/>, is "probably the
/// object"; a second ring as wide again is "probably background"; the rest of the work region (the dilated mask's bounding
/// box grown by 30 %) is background; the mask's core (eroded by half its equivalent radius, about a quarter of its area) is
/// definitely the object, which anchors GrabCut (without it a cut at low contrast could drop the whole object at once) and
/// leaves a run past the object's end with about a quarter of the area, which the stop rule calls a collapse. GrabCut settles the boundary, so the object may grow by at most two radii per slice
/// and shrink freely; the components that overlap the previous mask are kept. Clicks and scribbles, if any, are definite.
/// </summary>
internal static class SeedMaskCut
{
    public const int MinimumRadius = 3;

    /// <summary>How far the object may grow from one slice to the next: 15 % of the previous mask's equivalent radius, at least 3 px.</summary>
    public static int GrowthRadius(int area) => Math.Max(MinimumRadius, (int)Math.Round(0.15 * Math.Sqrt(area / Math.PI)));

    /// <summary>Half the previous mask's equivalent radius (at least 1 px): what is left of it after erosion is the definite core.</summary>
    public static int CoreRadius(int area) => Math.Max(1, (int)Math.Round(0.5 * Math.Sqrt(area / Math.PI)));

    public static Suggestion Suggest(EngineDescriptor engine, SuggestionPrompt prompt)
    {
        var (width, height) = (prompt.Image.Width, prompt.Image.Height);
        var seed = prompt.SeedMask!;
        if (seed.Length != width * height)
        {
            throw new PromptNotSupportedException($"The previous slice's mask has {seed.Length} pixels; this slice has {width}×{height}.");
        }
        var area = seed.Count(s => s);
        if (area == 0)
        {
            return new Suggestion(engine, width, height, new bool[width * height], 0) { ExecutionProvider = "OpenCV" };
        }

        var radius = GrowthRadius(area);
        var near = Dilate(seed, width, height, radius);
        var ring = Dilate(seed, width, height, 2 * radius);
        var core = Erode(seed, width, height, CoreRadius(area));
        var region = PixelRegion.Grown(Bounding(ring, width), 0.3, 8, width, height);
        var grey = LocalContrast.StretchTo(ModalityWindow.ToGrey8(prompt.Image), width, region);
        var labels = new byte[width * height];
        for (var n = 0; n < labels.Length; n++)
        {
            labels[n] = core[n] ? (byte)GrabCutClasses.FGD : near[n] ? (byte)GrabCutClasses.PR_FGD : ring[n] ? (byte)GrabCutClasses.PR_BGD : (byte)GrabCutClasses.BGD;
        }

        var seeds = SeedMap.From(prompt);
        for (var n = 0; n < labels.Length; n++)
        {
            if (seeds[n] != 0)
            {
                labels[n] = seeds[n] > 0 ? (byte)GrabCutClasses.FGD : (byte)GrabCutClasses.BGD;
            }
        }

        var mask = GrabCutRegion.Segment(grey, width, height, labels, region);
        var keep = Array.ConvertAll(seed, s => s ? (sbyte)1 : (sbyte)0);
        mask = MaskComponents.KeepSeeded(mask, width, height, keep);
        var score = SeparationScore.Of(grey, mask, width, region);
        return new Suggestion(engine, width, height, mask, score) { ExecutionProvider = "OpenCV" };
    }

    private static bool[] Dilate(bool[] mask, int width, int height, int radius)
    {
        using var source = Mat.FromPixelData(height, width, MatType.CV_8UC1, Array.ConvertAll(mask, m => m ? (byte)1 : (byte)0));
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size((2 * radius) + 1, (2 * radius) + 1));
        using var grown = new Mat();
        Cv2.Dilate(source, grown, kernel);
        grown.GetArray(out byte[] pixels);
        return Array.ConvertAll(pixels, p => p != 0);
    }

    private static bool[] Erode(bool[] mask, int width, int height, int radius)
    {
        using var source = Mat.FromPixelData(height, width, MatType.CV_8UC1, Array.ConvertAll(mask, m => m ? (byte)1 : (byte)0));
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size((2 * radius) + 1, (2 * radius) + 1));
        using var shrunk = new Mat();
        Cv2.Erode(source, shrunk, kernel);
        shrunk.GetArray(out byte[] pixels);
        return Array.ConvertAll(pixels, p => p != 0);
    }

    private static Rect Bounding(bool[] mask, int width)
    {
        var (x0, y0, x1, y1) = (int.MaxValue, int.MaxValue, -1, -1);
        for (var n = 0; n < mask.Length; n++)
        {
            if (mask[n])
            {
                var (x, y) = (n % width, n / width);
                (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
            }
        }
        return new Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
}
