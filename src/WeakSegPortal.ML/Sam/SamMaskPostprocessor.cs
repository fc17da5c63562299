using OpenCvSharp;

namespace WeakSegPortal.ML.Sam;

/// <summary>
/// Picks the decoder's best mask (highest predicted IoU) and brings its logits onto the slice: as they are when
/// the decoder already returned the slice's size, else cropped to the resized part of the frame (padding off)
/// and resized bilinearly. Foreground is logit &gt; 0, as in SAM.
/// </summary>
public static class SamMaskPostprocessor
{
    public static int Best(ReadOnlySpan<float> iouPredictions)
    {
        var best = 0;
        for (var k = 1; k < iouPredictions.Length; k++)
        {
            best = iouPredictions[k] > iouPredictions[best] ? k : best;
        }

        return best;
    }

    /// <param name="logits">One mask's logits, <paramref name="maskHeight"/> × <paramref name="maskWidth"/>, row-major.</param>
    public static bool[] ToSliceMask(ReadOnlySpan<float> logits, int maskWidth, int maskHeight, SamFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var result = new bool[frame.Width * frame.Height];
        if (maskWidth == frame.Width && maskHeight == frame.Height)
        {
            for (var n = 0; n < result.Length; n++)
            {
                result[n] = logits[n] > 0;
            }

            return result;
        }

        using var full = Mat.FromPixelData(maskHeight, maskWidth, MatType.CV_32FC1, logits.ToArray());
        var inFrame = maskWidth == frame.InputSize && maskHeight == frame.InputSize
            ? new Rect(0, 0, frame.ResizedWidth, frame.ResizedHeight)
            : new Rect(0, 0, maskWidth, maskHeight);
        using var cropped = new Mat(full, inFrame);
        using var resized = new Mat();
        Cv2.Resize(cropped, resized, new Size(frame.Width, frame.Height), 0, 0, InterpolationFlags.Linear);
        resized.GetArray(out float[] values);
        for (var n = 0; n < result.Length; n++)
        {
            result[n] = values[n] > 0;
        }

        return result;
    }
}
