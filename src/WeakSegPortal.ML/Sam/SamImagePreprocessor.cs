using OpenCvSharp;

namespace WeakSegPortal.ML.Sam;

/// <summary>
/// Turns a windowed 8-bit slice into a family's encoder input: grey replicated to three channels, resized
/// (bilinear) into the frame, then either normalised by SAM's mean/std with zero padding bottom/right, or
/// min–max scaled to [0, 1] (MedSAM).
/// </summary>
public static class SamImagePreprocessor
{
    public static SamEncoderInput Prepare(SamFamilyProfile profile, byte[] grey, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(grey);
        var frame = SamFrame.For(profile, width, height);
        using var source = Mat.FromPixelData(height, width, MatType.CV_8UC1, grey);
        using var sourceFloat = new Mat();
        source.ConvertTo(sourceFloat, MatType.CV_32FC1);
        using var resized = new Mat();
        Cv2.Resize(sourceFloat, resized, new Size(frame.ResizedWidth, frame.ResizedHeight), 0, 0, InterpolationFlags.Linear);
        resized.GetArray(out float[] values);

        var size = profile.InputSize;
        var plane = size * size;
        var pixels = new float[3 * plane];
        var (low, range) = MinMax(values);
        for (var c = 0; c < 3; c++)
        {
            var (mean, std) = (SamFamilyProfile.PixelMean[c], SamFamilyProfile.PixelStd[c]);
            for (var y = 0; y < frame.ResizedHeight; y++)
            {
                for (var x = 0; x < frame.ResizedWidth; x++)
                {
                    var v = values[(y * frame.ResizedWidth) + x];
                    pixels[(c * plane) + (y * size) + x] = profile.MinMaxScaled ? (v - low) / range : (v - mean) / std;
                }
            }
        }

        return new SamEncoderInput(pixels, frame);
    }

    private static (float Low, float Range) MinMax(float[] values)
    {
        var (low, high) = (float.MaxValue, float.MinValue);
        foreach (var v in values)
        {
            (low, high) = (Math.Min(low, v), Math.Max(high, v));
        }

        return (low, Math.Max(high - low, 1e-8f));
    }
}
