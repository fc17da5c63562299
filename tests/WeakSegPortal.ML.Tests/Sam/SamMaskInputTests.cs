using WeakSegPortal.ML.Sam;

namespace WeakSegPortal.ML.Tests.Sam;

/// <summary>A slice mask as SAM's mask prompt: the cells over the slice get ±6.91 by their set fraction, the padding 0.</summary>
public sealed class SamMaskInputTests
{
    [Fact]
    public void Each_cell_over_the_slice_gets_the_logit_of_its_set_fraction_and_the_frames_padding_stays_zero()
    {
        // 2048 × 1024 in SAM's 1024 frame: resized to 1024 × 512, so each of the 256² cells is 8 × 8 slice pixels and the
        // slice covers rows 0–127; columns 0–11 are set: cell 0 fully, cell 1 half, cell 2 not at all.
        var profile = SamFamilyProfile.For(SamFamily.Sam);
        var frame = SamFrame.For(profile, 2048, 1024);
        var mask = new bool[2048 * 1024];
        for (var n = 0; n < mask.Length; n++)
        {
            mask[n] = n % 2048 < 12;
        }

        var logits = SamMaskInput.FromSliceMask(mask, frame, profile);

        Assert.Equal(256 * 256, logits.Length);
        Assert.Equal((SamMaskInput.Logit, 0f, -SamMaskInput.Logit), (logits[0], logits[1], logits[2]));
        Assert.Equal((SamMaskInput.Logit, 0f, -SamMaskInput.Logit), (logits[(127 * 256) + 0], logits[(127 * 256) + 1], logits[(127 * 256) + 255]));
        Assert.All(logits.Skip(128 * 256), v => Assert.Equal(0f, v));
        Assert.Equal(0.999, 1 / (1 + Math.Exp(-SamMaskInput.Logit)), 6);
    }

    [Fact]
    public void Families_that_squash_fill_their_whole_grid()
    {
        var profile = SamFamilyProfile.For(SamFamily.SamMed2D);
        var frame = SamFrame.For(profile, 128, 32);
        var mask = new bool[128 * 32];
        Array.Fill(mask, true, 0, 128 * 16);

        var logits = SamMaskInput.FromSliceMask(mask, frame, profile);

        Assert.Equal(64 * 64, logits.Length);
        Assert.All(logits.Take(64 * 32), v => Assert.Equal(SamMaskInput.Logit, v));
        Assert.All(logits.Skip(64 * 32), v => Assert.Equal(-SamMaskInput.Logit, v));
    }

    [Fact]
    public void A_mask_of_another_slice_size_is_refused()
    {
        var profile = SamFamilyProfile.For(SamFamily.Sam);

        Assert.Throws<ArgumentException>(() => SamMaskInput.FromSliceMask(new bool[10], SamFrame.For(profile, 4, 4), profile));
    }
}
