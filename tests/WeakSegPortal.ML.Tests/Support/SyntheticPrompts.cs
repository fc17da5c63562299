using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.ML.Tests.Support;

/// <summary>Small synthetic slices for tests that check plumbing rather than segmentation quality.</summary>
public static class SyntheticPrompts
{
    /// <summary>A CT-like slice (HU): soft tissue at 40 with a bright disk of 200 HU at (cx, cy).</summary>
    public static PromptImage Disk(int width, int height, double cx, double cy, double radius, string item = "item-1", int slice = 0)
    {
        var values = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var inside = ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= radius * radius;
                values[(y * width) + x] = inside ? 200 : 40;
            }
        }

        return new PromptImage(item, SliceOrientation.Axial, slice, width, height, values, 0.8, 0.8, "CT");
    }
}
