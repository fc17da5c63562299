using OpenCvSharp;

namespace WeakSegPortal.ML.Evaluation;

/// <summary>
/// The simulated annotator of the NoC benchmark: it looks at where the current mask is wrong, takes the largest
/// connected error region (8-connected; missed object pixels and false ones are separate regions) and clicks the
/// point of it farthest from the region's boundary (Euclidean distance transform; the image's edge counts as
/// boundary), positive on a missed region, negative on a false one. Ties go to the first pixel in row order, so
/// the same masks always give the same click.
/// </summary>
public static class ClickSimulator
{
    /// <summary>The next click, or null when the mask equals the truth.</summary>
    public static SimulatedClick? Next(bool[] truth, bool[] predicted, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Length != width * height || predicted.Length != truth.Length)
        {
            throw new ArgumentException($"Both masks must hold {width}×{height} pixels.", nameof(predicted));
        }

        var missed = LargestRegion(Error(truth, predicted, missed: true), width, height);
        var falseOnes = LargestRegion(Error(truth, predicted, missed: false), width, height);
        var (region, positive) = missed.Area >= falseOnes.Area ? (missed, true) : (falseOnes, false);
        if (region.Area == 0)
        {
            return null;
        }

        var (x, y) = DeepestPoint(region.Pixels, width, height);
        return new SimulatedClick(x, y, positive);
    }

    private static byte[] Error(bool[] truth, bool[] predicted, bool missed)
    {
        var error = new byte[truth.Length];
        for (var n = 0; n < truth.Length; n++)
        {
            error[n] = (missed ? truth[n] && !predicted[n] : predicted[n] && !truth[n]) ? (byte)1 : (byte)0;
        }

        return error;
    }

    private static (int Area, byte[] Pixels) LargestRegion(byte[] error, int width, int height)
    {
        using var binary = Mat.FromPixelData(height, width, MatType.CV_8UC1, error);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(binary, labels, stats, centroids, PixelConnectivity.Connectivity8, MatType.CV_32S);
        var (largest, area) = (0, 0);
        for (var id = 1; id < count; id++)
        {
            var size = stats.At<int>(id, (int)ConnectedComponentsTypes.Area);
            (largest, area) = size > area ? (id, size) : (largest, area);
        }

        if (largest == 0)
        {
            return (0, error);
        }

        labels.GetArray(out int[] ids);
        return (area, Array.ConvertAll(ids, id => id == largest ? (byte)1 : (byte)0));
    }

    private static (int X, int Y) DeepestPoint(byte[] region, int width, int height)
    {
        using var inside = Mat.FromPixelData(height, width, MatType.CV_8UC1, region);
        using var framed = new Mat();
        // A zero frame makes the image's edge a boundary: a region cut by the edge is clicked inside, not on the edge.
        Cv2.CopyMakeBorder(inside, framed, 1, 1, 1, 1, BorderTypes.Constant, Scalar.All(0));
        using var distance = new Mat();
        Cv2.DistanceTransform(framed, distance, DistanceTypes.L2, DistanceTransformMasks.Precise);
        distance.GetArray(out float[] values);
        var (best, bestValue) = (0, float.MinValue);
        for (var n = 0; n < values.Length; n++)
        {
            (best, bestValue) = values[n] > bestValue ? (n, values[n]) : (best, bestValue);
        }

        var framedWidth = width + 2;
        return ((best % framedWidth) - 1, (best / framedWidth) - 1);
    }
}
