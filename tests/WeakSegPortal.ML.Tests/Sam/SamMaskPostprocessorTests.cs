using WeakSegPortal.ML.Sam;

namespace WeakSegPortal.ML.Tests.Sam;

public sealed class SamMaskPostprocessorTests
{
    [Fact]
    public void The_mask_with_the_highest_predicted_IoU_is_chosen()
    {
        Assert.Equal(2, SamMaskPostprocessor.Best([0.2f, 0.5f, 0.9f, 0.1f]));
    }

    [Fact]
    public void Logits_at_the_slice_size_are_thresholded_at_zero()
    {
        var frame = SamFrame.For(SamFamilyProfile.For(SamFamily.Sam), 2, 2);

        var mask = SamMaskPostprocessor.ToSliceMask([-1f, 0f, 0.01f, 5f], 2, 2, frame);

        Assert.Equal([false, false, true, true], mask);
    }

    [Fact]
    public void Logits_in_the_padded_1024_frame_lose_the_padding_before_they_are_resized_to_the_slice()
    {
        var frame = SamFrame.For(SamFamilyProfile.For(SamFamily.Sam), 64, 32);
        var logits = new float[1024 * 1024];
        for (var y = 0; y < 1024; y++)
        {
            for (var x = 0; x < 1024; x++)
            {
                // Left half of the resized image is foreground; the padding below row 512 is foreground too and must be dropped.
                logits[(y * 1024) + x] = (y >= 512 || x < 512) ? 10 : -10;
            }
        }

        var mask = SamMaskPostprocessor.ToSliceMask(logits, 1024, 1024, frame);

        Assert.Equal(64 * 32 / 2, mask.Count(m => m));
        Assert.True(mask[(31 * 64) + 10]);
        Assert.False(mask[(31 * 64) + 40]);
    }
}
