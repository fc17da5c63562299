using OpenCvSharp;

namespace WeakSegPortal.ML.Classical;

/// <summary>Connected-component clean-up of a suggested mask (8-connected).</summary>
internal static class MaskComponents
{
    /// <summary>Keeps the components that hold at least one positive seed; with no positive seed, the largest one.</summary>
    public static bool[] KeepSeeded(bool[] mask, int width, int height, sbyte[]? seeds)
    {
        using var binary = Mat.FromPixelData(height, width, MatType.CV_8UC1, Array.ConvertAll(mask, m => m ? (byte)1 : (byte)0));
        using var labels = new Mat();
        var count = Cv2.ConnectedComponents(binary, labels, PixelConnectivity.Connectivity8, MatType.CV_32S);
        if (count <= 2)
        {
            return mask;
        }

        labels.GetArray(out int[] ids);
        var keep = new bool[count];
        var seeded = false;
        if (seeds is not null)
        {
            for (var n = 0; n < ids.Length; n++)
            {
                if (seeds[n] > 0 && ids[n] > 0)
                {
                    keep[ids[n]] = seeded = true;
                }
            }
        }

        if (!seeded)
        {
            var sizes = new int[count];
            foreach (var id in ids)
            {
                sizes[id]++;
            }

            var largest = 1;
            for (var id = 2; id < count; id++)
            {
                largest = sizes[id] > sizes[largest] ? id : largest;
            }

            keep[largest] = true;
        }

        var result = new bool[mask.Length];
        for (var n = 0; n < ids.Length; n++)
        {
            result[n] = keep[ids[n]];
        }

        return result;
    }
}
