using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Benchmarks;

/// <summary>One organ on one slice of a demo volume: the slice as engines see it, the organ's label id and its exact mask.</summary>
internal sealed record DemoObject(string Case, string Organ, int LabelId, PromptImage Image, bool[] Truth)
{
    public int Area => Truth.Count(t => t);

    /// <summary>The tightest box around the truth (pixel edges, half a pixel outside the outermost centres).</summary>
    public Box2D TightBox()
    {
        var (x0, y0, x1, y1) = (int.MaxValue, int.MaxValue, int.MinValue, int.MinValue);
        for (var n = 0; n < Truth.Length; n++)
        {
            if (Truth[n])
            {
                var (x, y) = (n % Image.Width, n / Image.Width);
                (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x), Math.Max(y1, y));
            }
        }

        return new Box2D(x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5, Image.SliceIndex);
    }
}
