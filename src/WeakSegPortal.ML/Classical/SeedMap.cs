using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Classical;

/// <summary>
/// The prompt's scribbles and points on the slice's pixel grid, drawn with Core's rasteriser: +1 for the
/// object (its class's scribbles, positive clicks), −1 for "not the object" (other classes, background,
/// negative clicks), 0 where nothing was said. A later seed overwrites an earlier one.
/// </summary>
internal static class SeedMap
{
    /// <summary>Clicks mark a small disk, not one pixel, so the colour models have a few samples to learn from.</summary>
    public const double ClickDiameter = 5;

    /// <param name="clicksAsPixels">A click marks only its own pixel (the project model's parts: a negative click near a
    /// part's edge must not drop the part next to it) instead of a <see cref="ClickDiameter"/> disk.</param>
    public static sbyte[] From(SuggestionPrompt prompt, bool clicksAsPixels = false)
    {
        var image = prompt.Image;
        var grid = Grid.Planar(image.Width, image.Height);
        var seeds = new sbyte[grid.Count];
        foreach (var scribble in prompt.Scribbles)
        {
            var value = scribble.ClassId == prompt.ClassId ? (sbyte)1 : (sbyte)-1;
            ScribbleRasterizer.Visit(scribble with { Slice = 0 }, grid, n => seeds[n] = value);
        }

        foreach (var point in prompt.Points)
        {
            var value = point.IsPositive ? (sbyte)1 : (sbyte)-1;
            if (clicksAsPixels)
            {
                var (x, y) = ((int)Math.Round(point.X), (int)Math.Round(point.Y));
                if (x >= 0 && x < image.Width && y >= 0 && y < image.Height)
                {
                    seeds[(y * image.Width) + x] = value;
                }
                continue;
            }
            var disk = new Scribble([new PlanePoint(point.X, point.Y)], ClickDiameter, 0, prompt.ClassId);
            ScribbleRasterizer.Visit(disk, grid, n => seeds[n] = value);
        }

        return seeds;
    }
}
