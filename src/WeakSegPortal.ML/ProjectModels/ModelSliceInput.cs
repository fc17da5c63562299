using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Intensity;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.ProjectModels;

/// <summary>
/// What a project model sees of one slice, made the same way for training, uncertainty scoring and serving: the slice and
/// its neighbours (2.5D; beyond the first or last slice the edge slice repeats), all through the slice's intensity window
/// (<see cref="ModalityWindow"/>: CT 40/400, others the slice's 1st–99th percentile) mapped to [0, 1], resampled bilinearly
/// to side × side. Values are channel, then row, then column (x fastest): the network's [channels, side, side].
/// </summary>
public static class ModelSliceInput
{
    public static float[] From(Volume volume, SliceOrientation orientation, int slice, string? modality, int neighbours, int side)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentOutOfRangeException.ThrowIfNegative(neighbours);
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 1);
        var count = SliceExtractor.SliceCount(volume, orientation);
        if ((uint)slice >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(slice), slice, $"the volume has {count} {orientation} slices");
        }
        var centre = Image(volume, orientation, slice, modality);
        var window = ModalityWindow.For(centre);
        var channels = 1 + (2 * neighbours);
        var input = new float[channels * side * side];
        for (var c = 0; c < channels; c++)
        {
            var source = Math.Clamp(slice + c - neighbours, 0, count - 1);
            var image = source == slice ? centre : Image(volume, orientation, source, modality);
            var windowed = Array.ConvertAll(image.Values, v => Windowed(v, window));
            Resample(windowed, image.Width, image.Height, side, side).CopyTo(input, c * side * side);
        }
        return input;
    }

    /// <summary>A value through the window, linearly to [0, 1] (0 at and below the window's low end, 1 at and above its high end).</summary>
    public static float Windowed(float value, WindowLevel window)
    {
        var width = Math.Max(1e-6, window.Width);
        var low = window.Center - (width / 2);
        return (float)Math.Clamp((value - low) / width, 0, 1);
    }

    /// <summary>Bilinear resampling with pixel centres aligned as image resizing does (align_corners = false), edges clamped.</summary>
    public static float[] Resample(float[] values, int width, int height, int toWidth, int toHeight)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (width == toWidth && height == toHeight)
        {
            return (float[])values.Clone();
        }
        var result = new float[toWidth * toHeight];
        var (scaleX, scaleY) = (width / (double)toWidth, height / (double)toHeight);
        for (var y = 0; y < toHeight; y++)
        {
            var sy = Math.Clamp(((y + 0.5) * scaleY) - 0.5, 0, height - 1);
            var y0 = (int)sy;
            var y1 = Math.Min(y0 + 1, height - 1);
            var fy = sy - y0;
            for (var x = 0; x < toWidth; x++)
            {
                var sx = Math.Clamp(((x + 0.5) * scaleX) - 0.5, 0, width - 1);
                var x0 = (int)sx;
                var x1 = Math.Min(x0 + 1, width - 1);
                var fx = sx - x0;
                var top = (values[(y0 * width) + x0] * (1 - fx)) + (values[(y0 * width) + x1] * fx);
                var bottom = (values[(y1 * width) + x0] * (1 - fx)) + (values[(y1 * width) + x1] * fx);
                result[(y * toWidth) + x] = (float)((top * (1 - fy)) + (bottom * fy));
            }
        }
        return result;
    }

    private static PromptImage Image(Volume volume, SliceOrientation orientation, int slice, string? modality)
    {
        var image = PromptImage.FromVolume("", volume, orientation, slice);
        return string.IsNullOrWhiteSpace(modality) ? image : image with { Modality = modality };
    }
}
