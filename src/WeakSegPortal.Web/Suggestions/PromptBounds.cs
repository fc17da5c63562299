using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>Whether a prompt lies on its slice: every coordinate within the image's extent, −0.5 … n − 0.5 (voxel index space).</summary>
public static class PromptBounds
{
    public static string? Check(WirePrompt prompt, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        bool Inside(double x, double y) => x >= -0.5 && x <= width - 0.5 && y >= -0.5 && y <= height - 0.5;
        if (prompt.Box is { } box)
        {
            if (!Inside(box.X0, box.Y0) || !Inside(box.X1, box.Y1))
            {
                return $"The box lies outside the {width} × {height} image.";
            }
            if (Math.Abs(box.X1 - box.X0) < 1 || Math.Abs(box.Y1 - box.Y0) < 1)
            {
                return "The box must be at least one pixel wide and high.";
            }
        }
        if (prompt.Points.Any(p => !Inside(p.X, p.Y)))
        {
            return $"A click lies outside the {width} × {height} image.";
        }
        return prompt.Scribbles.Any(s => s.Points.Any(p => !Inside(p[0], p[1])))
            ? $"A scribble lies outside the {width} × {height} image."
            : null;
    }
}
