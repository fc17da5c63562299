using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class OverlapTests
{
    [Fact]
    public void Two_empty_masks_agree_fully()
    {
        var empty = MaskPicture.Mask("...", "...");
        Assert.Equal(1.0, Overlap.Dice(empty, empty));
        Assert.Equal(1.0, Overlap.IoU(empty, empty));
    }

    [Fact]
    public void One_empty_mask_does_not_agree_at_all()
    {
        Assert.Equal(0.0, Overlap.Dice(MaskPicture.Mask("#.."), MaskPicture.Mask("...")));
        Assert.Equal(0.0, Overlap.IoU(MaskPicture.Mask("#.."), MaskPicture.Mask("...")));
    }

    [Fact]
    public void Identical_masks_agree_fully() =>
        Assert.Equal(1.0, Overlap.Dice(MaskPicture.Mask("##.", ".#."), MaskPicture.Mask("##.", ".#.")));

    [Fact]
    public void Disjoint_masks_score_zero() =>
        Assert.Equal(0.0, Overlap.Dice(MaskPicture.Mask("##.", "..."), MaskPicture.Mask("...", ".##")));

    [Fact]
    public void Partial_overlap_matches_the_hand_count()
    {
        // |A| = 4, |B| = 2, |A ∩ B| = 1: Dice = 2/6, IoU = 1/5.
        var a = MaskPicture.Mask("##..", "##..");
        var b = MaskPicture.Mask(".##.", "....");
        Assert.Equal(1.0 / 3, Overlap.Dice(a, b), 12);
        Assert.Equal(0.2, Overlap.IoU(a, b), 12);
    }

    [Fact]
    public void Labelled_dice_ignores_voxels_either_left_unknown()
    {
        // Column 0 is unknown to B, so only columns 1-3 count. A positives there: 1 and 3; B: 3.
        // Dice = 2·1 / (2 + 1). Plain Dice over all voxels would be 2·1 / (3 + 1).
        var a = MaskPicture.States("##.#");
        var b = MaskPicture.States("?..#");
        Assert.Equal(2.0 / 3, Overlap.LabelledDice(a, b), 12);
    }

    [Fact]
    public void Labelled_dice_is_undefined_when_labels_never_meet() =>
        Assert.True(double.IsNaN(Overlap.LabelledDice(MaskPicture.States("##??"), MaskPicture.States("??.."))));

    [Fact]
    public void Labelled_dice_counts_shared_negatives_as_agreement() =>
        Assert.Equal(1.0, Overlap.LabelledDice(MaskPicture.States("..?"), MaskPicture.States("?..")));
}
