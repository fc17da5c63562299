using OpenCvSharp;

namespace WeakSegPortal.ML.Classical;

/// <summary>
/// Runs OpenCV's GrabCut on a windowed 8-bit slice from an initial label map (GrabCut's four codes), inside
/// one rectangle of the image, and returns the foreground of the whole slice. The slice is filtered first
/// (<see cref="EdgePreservingFilter"/>): CT noise (σ ≈ 12 HU against a 20 HU liver contrast) otherwise dominates
/// GrabCut's colour models.
/// </summary>
internal static class GrabCutRegion
{
    public const int Iterations = 5;

    public static bool[] Segment(byte[] grey, int width, int height, byte[] initialLabels, Rect region, int iterations = Iterations)
    {
        using var full = Mat.FromPixelData(height, width, MatType.CV_8UC1, grey);
        using var crop = new Mat(full, region);
        using var blurred = EdgePreservingFilter.Apply(crop);
        using var colour = new Mat();
        Cv2.CvtColor(blurred, colour, ColorConversionCodes.GRAY2BGR);
        using var labelsFull = Mat.FromPixelData(height, width, MatType.CV_8UC1, initialLabels);
        using var labels = new Mat(labelsFull, region).Clone();
        labels.GetArray(out byte[] initial);
        if (!Array.Exists(initial, c => c is (byte)GrabCutClasses.FGD or (byte)GrabCutClasses.PR_FGD))
        {
            return new bool[width * height];
        }

        if (!Array.Exists(initial, c => c is (byte)GrabCutClasses.BGD or (byte)GrabCutClasses.PR_BGD))
        {
            // A box over the whole region leaves GrabCut no background to learn from: its outer frame becomes background.
            Cv2.Rectangle(labels, new Rect(0, 0, region.Width, region.Height), Scalar.All((double)GrabCutClasses.BGD), 1);
        }

        using var background = new Mat();
        using var foreground = new Mat();
        // GrabCut seeds its colour models by k-means on the thread's RNG: reset it, or one slice's answer depends on the calls before.
        Cv2.SetTheRNG(0x5EED);
        Cv2.GrabCut(colour, labels, default, background, foreground, iterations, GrabCutModes.InitWithMask);

        var result = new bool[width * height];
        labels.GetArray(out byte[] cropLabels);
        for (var y = 0; y < region.Height; y++)
        {
            for (var x = 0; x < region.Width; x++)
            {
                var code = cropLabels[(y * region.Width) + x];
                result[((y + region.Y) * width) + x + region.X] = code is (byte)GrabCutClasses.FGD or (byte)GrabCutClasses.PR_FGD;
            }
        }

        return result;
    }
}
