using OpenCvSharp;

namespace WeakSegPortal.ML.Sam;

/// <summary>
/// A slice mask as SAM's decoder takes a mask prompt (mask_input, MaskInputSize² logits over the encoder's whole square
/// frame): the mask is resized (area-averaged) onto the part of the low-resolution grid the slice occupies in the frame,
/// each cell's set fraction f becomes the logit <see cref="Logit"/> · (2f − 1), and the padding stays 0, as the frame's
/// padding does in the image. Propagation uses it when no low-resolution mask of the previous slice is at hand
/// (docs/suggestion-protocol.md, "Propagation across slices").
/// </summary>
public static class SamMaskInput
{
    /// <summary>The logit of a fully set cell: ln(0.999 / 0.001), the inverse sigmoid of 1 − 10⁻³ (micro-sam gives a mask prompt the same way).</summary>
    public const float Logit = 6.9067547f;

    public static float[] FromSliceMask(bool[] mask, SamFrame frame, SamFamilyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(profile);
        if (mask.Length != frame.Width * frame.Height)
        {
            throw new ArgumentException($"The mask has {mask.Length} pixels; the slice has {frame.Width}×{frame.Height}.", nameof(mask));
        }

        var size = profile.MaskInputSize;
        var (width, height) = (Cells(frame.ResizedWidth, size, frame.InputSize), Cells(frame.ResizedHeight, size, frame.InputSize));
        using var source = Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_32FC1, Array.ConvertAll(mask, m => m ? 1f : 0f));
        using var resized = new Mat();
        Cv2.Resize(source, resized, new Size(width, height), 0, 0, InterpolationFlags.Area);
        resized.GetArray(out float[] fractions);
        var logits = new float[size * size];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                logits[(y * size) + x] = Logit * ((2 * fractions[(y * width) + x]) - 1);
            }
        }

        return logits;
    }

    /// <summary>How many low-resolution cells <paramref name="resized"/> input pixels span (at least one).</summary>
    private static int Cells(int resized, int size, int inputSize) => Math.Clamp((int)Math.Round((double)resized * size / inputSize), 1, size);
}
