using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Tests.Support;

/// <summary>One organ on one slice of a demo volume: the slice as a prompt image and the organ's exact mask.</summary>
public sealed record DemoOrgan(string Case, string Organ, int LabelId, PromptImage Image, bool[] Truth)
{
    /// <summary>The tightest box around the truth: pixel edges, so the outermost voxel centres lie half a pixel inside.</summary>
    public Box2D TightBox(int slice)
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

        return new Box2D(x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5, slice);
    }

    /// <summary>The truth pixel farthest from the organ's edge (a simulated annotator's first click).</summary>
    public PlanePoint DeepestPoint()
    {
        var distance = WeakSegPortal.ML.Tests.Support.MaskDistance.ToEdge(Truth, Image.Width, Image.Height);
        var best = Array.IndexOf(distance, distance.Max());
        return new PlanePoint(best % Image.Width, best / Image.Width);
    }

    public override string ToString() => $"{Case} {Organ}";
}
