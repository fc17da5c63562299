using WeakSegPortal.ML.Sam;

namespace WeakSegPortal.ML.Tests.Sam;

public sealed class SamPreprocessingTests
{
    [Fact]
    public void Sam_resizes_the_long_side_to_1024_normalises_by_mean_and_std_and_pads_bottom_right_with_zero()
    {
        var profile = SamFamilyProfile.For(SamFamily.Sam);
        var grey = Enumerable.Repeat((byte)200, 512 * 256).ToArray();

        var input = SamImagePreprocessor.Prepare(profile, grey, 512, 256);

        Assert.Equal((1024, 512), (input.Frame.ResizedWidth, input.Frame.ResizedHeight));
        Assert.Equal(3 * 1024 * 1024, input.Pixels.Length);
        for (var c = 0; c < 3; c++)
        {
            var expected = (200 - SamFamilyProfile.PixelMean[c]) / SamFamilyProfile.PixelStd[c];
            Assert.Equal(expected, input.Pixels[(c * 1024 * 1024) + (511 * 1024) + 1023], 4);
            Assert.Equal(0f, input.Pixels[(c * 1024 * 1024) + (512 * 1024)]);
        }
    }

    [Fact]
    public void MobileSam_keeps_the_aspect_ratio_of_a_tall_slice()
    {
        var frame = SamFrame.For(SamFamilyProfile.For(SamFamily.MobileSam), 300, 600);

        Assert.Equal((512, 1024), (frame.ResizedWidth, frame.ResizedHeight));
        Assert.Equal((512f, 1024f), frame.ToInput(300, 600));
    }

    [Fact]
    public void MedSam_squashes_to_1024_square_and_scales_min_to_0_and_max_to_1_without_mean_and_std()
    {
        var profile = SamFamilyProfile.For(SamFamily.MedSam);
        var grey = Enumerable.Range(0, 200 * 100).Select(n => (byte)(50 + (n % 200 / 2))).ToArray();

        var input = SamImagePreprocessor.Prepare(profile, grey, 200, 100);

        Assert.Equal((1024, 1024), (input.Frame.ResizedWidth, input.Frame.ResizedHeight));
        Assert.Equal(0f, input.Pixels.Min(), 5);
        Assert.Equal(1f, input.Pixels.Max(), 5);
        Assert.Equal((1024f, 1024f), input.Frame.ToInput(200, 100));
    }

    [Fact]
    public void Sam_Med2D_works_at_256_square_with_16_square_embeddings_and_64_square_mask_input()
    {
        var profile = SamFamilyProfile.For(SamFamily.SamMed2D);

        var input = SamImagePreprocessor.Prepare(profile, new byte[300 * 150], 300, 150);

        Assert.Equal(3 * 256 * 256, input.Pixels.Length);
        Assert.Equal((256, 256), (input.Frame.ResizedWidth, input.Frame.ResizedHeight));
        Assert.Equal((16, 64), (profile.EmbeddingSize, profile.MaskInputSize));
    }
}
