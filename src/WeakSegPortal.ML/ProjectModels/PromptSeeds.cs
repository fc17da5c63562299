using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.ProjectModels;

/// <summary>
/// How the project model's class map becomes one object: the box keeps what lies inside it; clicks and scribbles keep the
/// connected parts (8-connected) that hold a positive seed and no negative one.
/// </summary>
internal static class PromptSeeds
{
    /// <summary>+1 at positive clicks and the class's scribbles, −1 at negative clicks and other classes' scribbles, 0 elsewhere.</summary>
    /// <remarks>A click is its own pixel (not a disk): a negative click near a part's edge must not drop the part next to it.</remarks>
    public static sbyte[] From(SuggestionPrompt prompt) => SeedMap.From(prompt, clicksAsPixels: true);

    public static bool[] InsideBox(bool[] mask, Box2D box, int width, int height)
    {
        var region = PixelRegion.Covered(box, width, height);
        var kept = new bool[mask.Length];
        for (var y = region.Top; y < region.Bottom; y++)
        {
            for (var x = region.Left; x < region.Right; x++)
            {
                kept[(y * width) + x] = mask[(y * width) + x];
            }
        }
        return kept;
    }

    public static bool[] KeepSeeded(bool[] mask, int width, int height, sbyte[] seeds)
    {
        var part = new int[mask.Length];
        var kept = new bool[mask.Length];
        var stack = new Stack<int>();
        var members = new List<int>();
        var parts = 0;
        for (var start = 0; start < mask.Length; start++)
        {
            if (!mask[start] || part[start] != 0)
            {
                continue;
            }
            parts++;
            var (positive, negative) = (false, false);
            members.Clear();
            part[start] = parts;
            stack.Push(start);
            while (stack.TryPop(out var n))
            {
                members.Add(n);
                positive |= seeds[n] > 0;
                negative |= seeds[n] < 0;
                var (x, y) = (n % width, n / width);
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var (nx, ny) = (x + dx, y + dy);
                        if (nx >= 0 && nx < width && ny >= 0 && ny < height && mask[(ny * width) + nx] && part[(ny * width) + nx] == 0)
                        {
                            part[(ny * width) + nx] = parts;
                            stack.Push((ny * width) + nx);
                        }
                    }
                }
            }
            if (positive && !negative)
            {
                members.ForEach(n => kept[n] = true);
            }
        }
        return kept;
    }
}
