using OpenCvSharp;
using WeakSegPortal.ML.Classical;

namespace WeakSegPortal.ML.Tests.Classical;

public sealed class InitialLabelsTests
{
    private const int Width = 20;
    private const int Height = 20;

    [Fact]
    public void A_narrower_region_gets_a_definite_background_frame_when_no_seed_says_background()
    {
        var labels = Guess();
        var seeds = new sbyte[Width * Height];
        seeds[(10 * Width) + 10] = 1;

        InitialLabels.FrameAsBackground(labels, Width, new Rect(4, 4, 12, 12), seeds);

        Assert.Equal((byte)GrabCutClasses.BGD, labels[(4 * Width) + 4]);
        Assert.Equal((byte)GrabCutClasses.BGD, labels[(5 * Width) + 14]);
        Assert.Equal((byte)GrabCutClasses.PR_BGD, labels[(6 * Width) + 6]);
        Assert.Equal((byte)GrabCutClasses.PR_BGD, labels[(1 * Width) + 1]);
        Assert.Equal((byte)GrabCutClasses.PR_FGD, labels[(4 * Width) + 10]);
    }

    [Fact]
    public void A_negative_seed_leaves_the_narrower_region_without_a_frame()
    {
        var labels = Guess();
        var before = (byte[])labels.Clone();
        var seeds = new sbyte[Width * Height];
        seeds[(10 * Width) + 10] = 1;
        seeds[(2 * Width) + 2] = -1;

        InitialLabels.FrameAsBackground(labels, Width, new Rect(4, 4, 12, 12), seeds);

        Assert.Equal(before, labels);
    }

    private static byte[] Guess()
    {
        var labels = new byte[Width * Height];
        Array.Fill(labels, (byte)GrabCutClasses.PR_BGD);
        // A guess that reaches the frame's top row at x = 10: it must stay object.
        for (var y = 4; y < 12; y++)
        {
            labels[(y * Width) + 10] = (byte)GrabCutClasses.PR_FGD;
        }

        return labels;
    }
}
