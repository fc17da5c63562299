using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Worker;

/// <summary>
/// Turns a prompt as it travels (docs/suggestion-protocol.md) into the engines' <see cref="SuggestionPrompt"/>: the
/// same pixel space, the box and clicks on the prompt's slice and class, scribbles with their own class. A prompt that
/// cannot be read (an unknown orientation, a scribble point without two finite numbers) is refused with the reason.
/// </summary>
public static class WirePromptReader
{
    public static SliceOrientation Orientation(string orientation) =>
        Enum.TryParse<SliceOrientation>(orientation, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new PromptNotSupportedException($"'{orientation}' is not an orientation (axial, coronal or sagittal).");

    public static SuggestionPrompt Read(WirePrompt prompt, PromptImage image, LowResMask? previousMask)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var slice = prompt.Slice;
        return new SuggestionPrompt(image, prompt.ClassId)
        {
            Box = prompt.Box is { } b ? new Box2D(Finite(b.X0), Finite(b.Y0), Finite(b.X1), Finite(b.Y1), slice, prompt.ClassId) : null,
            Points = [.. (prompt.Points ?? []).Select(p => new LabelPoint(Finite(p.X), Finite(p.Y), slice, prompt.ClassId, p.Positive))],
            Scribbles = [.. (prompt.Scribbles ?? []).Select(s => new Scribble([.. s.Points.Select(Point)], s.Width, slice, s.ClassId))],
            PreviousMask = previousMask,
            SeedMask = prompt.SeedMask is { } seed ? SeedOf(seed, image) : null,
        };
    }

    private static bool[] SeedOf(WireMask seed, PromptImage image)
    {
        if (seed.Width != image.Width || seed.Height != image.Height)
        {
            throw new PromptNotSupportedException($"The previous slice's mask is {seed.Width}×{seed.Height}; this slice is {image.Width}×{image.Height}.");
        }
        try
        {
            return seed.ToMask();
        }
        catch (ArgumentException e)
        {
            throw new PromptNotSupportedException($"The previous slice's mask cannot be read: {e.Message}");
        }
    }

    private static PlanePoint Point(double[] xy) =>
        xy is { Length: 2 } ? new PlanePoint(Finite(xy[0]), Finite(xy[1])) : throw new PromptNotSupportedException("A scribble point is [x, y].");

    private static double Finite(double value) =>
        double.IsFinite(value) ? value : throw new PromptNotSupportedException("A prompt coordinate is not a finite number.");
}
