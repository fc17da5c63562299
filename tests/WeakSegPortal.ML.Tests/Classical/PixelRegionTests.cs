using OpenCvSharp;
using WeakSegPortal.ML.Classical;

namespace WeakSegPortal.ML.Tests.Classical;

public sealed class PixelRegionTests
{
    private const int Width = 100;
    private const int Height = 80;

    [Fact]
    public void The_region_around_the_object_is_its_bounding_box_grown_by_the_margin()
    {
        var labels = Labels(new Rect(40, 30, 20, 10), GrabCutClasses.PR_FGD);

        var region = PixelRegion.AroundObject(labels, Width, new Rect(0, 0, Width, Height), 0.3, 4);

        // 20×10 grown by max(4, 6) = 6 px sideways and max(4, 3) = 4 px up and down.
        Assert.Equal(new Rect(34, 26, 32, 18), region);
    }

    [Fact]
    public void The_region_around_the_object_is_clipped_to_the_search_region_at_the_image_edge()
    {
        var labels = Labels(new Rect(0, 70, 10, 10), GrabCutClasses.FGD);
        var within = new Rect(0, 50, 40, 30);

        var region = PixelRegion.AroundObject(labels, Width, within, 0.3, 16);

        Assert.Equal(new Rect(0, 54, 26, 26), region);
    }

    [Fact]
    public void Object_labels_outside_the_search_region_do_not_widen_it()
    {
        var labels = Labels(new Rect(10, 10, 5, 5), GrabCutClasses.PR_FGD);
        labels[(70 * Width) + 90] = (byte)GrabCutClasses.FGD;
        var within = new Rect(0, 0, 50, 50);

        var region = PixelRegion.AroundObject(labels, Width, within, 0, 2);

        Assert.Equal(new Rect(8, 8, 9, 9), region);
    }

    [Fact]
    public void Without_any_object_label_the_search_region_is_kept()
    {
        var labels = new byte[Width * Height];
        var within = new Rect(5, 5, 30, 30);

        Assert.Equal(within, PixelRegion.AroundObject(labels, Width, within, 0.3, 16));
    }

    private static byte[] Labels(Rect objectRect, GrabCutClasses code)
    {
        var labels = new byte[Width * Height];
        Array.Fill(labels, (byte)GrabCutClasses.PR_BGD);
        for (var y = objectRect.Top; y < objectRect.Bottom; y++)
        {
            Array.Fill(labels, (byte)code, (y * Width) + objectRect.Left, objectRect.Width);
        }

        return labels;
    }
}
