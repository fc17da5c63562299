using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Sam;

/// <summary>
/// Clicks and a box as SAM's decoder wants them: clicks labelled 1 (object) or 0 (not), then either the box's
/// top-left and bottom-right corners labelled 2 and 3, or, with clicks only, a padding point (0, 0) labelled −1.
/// Coordinates move into the encoder's frame. Scribbles are not a SAM prompt and are refused.
/// </summary>
public static class SamPromptEncoder
{
    public const float Positive = 1, Negative = 0, BoxTopLeft = 2, BoxBottomRight = 3, Padding = -1;

    public static SamDecoderPrompt Encode(SuggestionPrompt prompt, SamFamilyProfile profile, SamFrame frame)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(frame);
        if (prompt.Scribbles.Count > 0)
        {
            throw new PromptNotSupportedException("SAM-family engines take a box and clicks, not scribbles; use grabcut-seeded for scribbles.");
        }

        if (profile.BoxOnly && (prompt.Box is null || prompt.Points.Count > 0))
        {
            throw new PromptNotSupportedException($"{profile.Family} takes a box prompt only.");
        }

        if (prompt.Box is null && prompt.Points.Count == 0)
        {
            throw new PromptNotSupportedException("A SAM prompt needs a box or at least one click.");
        }

        var coords = new List<float>();
        var labels = new List<float>();
        void Add(double x, double y, float label)
        {
            var (fx, fy) = frame.ToInput(x, y);
            coords.Add(fx);
            coords.Add(fy);
            labels.Add(label);
        }

        foreach (var point in prompt.Points)
        {
            Add(point.X, point.Y, point.IsPositive ? Positive : Negative);
        }

        if (prompt.Box is { } box)
        {
            Add(box.MinX, box.MinY, BoxTopLeft);
            Add(box.MaxX, box.MaxY, BoxBottomRight);
        }
        else
        {
            coords.Add(0);
            coords.Add(0);
            labels.Add(Padding);
        }

        return new SamDecoderPrompt([.. coords], [.. labels]);
    }
}
