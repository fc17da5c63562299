using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class GoldStandardTests
{
    [Fact]
    public void Accuracy_is_judged_only_on_labelled_voxels()
    {
        // Labelled: TP at 0, FN at 1, FP at 3, TN at 4 and 5; voxel 2 is unknown.
        var states = MaskPicture.States("#.?#..");
        var gold = MaskPicture.Mask("###...");
        var accuracy = GoldStandard.Compare(states, gold);
        Assert.Equal(0.5, accuracy.Sensitivity);
        Assert.Equal(2.0 / 3, accuracy.Specificity, 12);
        Assert.Equal(0.5, accuracy.Dice);
        Assert.Equal(5, accuracy.LabelledVoxels);
    }

    [Fact]
    public void Binary_mask_labels_every_voxel()
    {
        var accuracy = GoldStandard.Compare(MaskPicture.Mask("##.."), MaskPicture.Mask("#..."));
        Assert.Equal(1.0, accuracy.Sensitivity);
        Assert.Equal(2.0 / 3, accuracy.Specificity, 12);
        Assert.Equal(2.0 / 3, accuracy.Dice, 12);
    }

    [Fact]
    public void Sensitivity_is_undefined_without_gold_foreground_among_labelled_voxels() =>
        Assert.True(double.IsNaN(GoldStandard.Compare(MaskPicture.States("..?"), MaskPicture.Mask("..#")).Sensitivity));
}
