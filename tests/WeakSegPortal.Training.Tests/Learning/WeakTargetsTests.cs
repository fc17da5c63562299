using WeakSegPortal.Core.Labels;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Tests.Learning;

public class WeakTargetsTests
{
    [Fact]
    public void A_full_mask_on_a_slice_is_its_class_there_and_background_elsewhere_on_that_slice_only()
    {
        // A 4×1×2 stack: slice 1 holds a mask of class 2 on pixels 1–2 (RLE 1 unset, 2 set, 1 unset); slice 0 has a click.
        var grid = new Grid(4, 1, 2);
        var labels = new WeakLabels
        {
            Masks = [new SliceMask(4, 1, [1, 2, 1], Slice: 1, ClassId: 2)],
            Points = [new LabelPoint(3, 0, 0, 1)],
        };

        var masked = WeakTargets.ForSlice(new float[4], 1, grid, 1, labels, 3);
        var clicked = WeakTargets.ForSlice(new float[4], 1, grid, 0, labels, 3);

        Assert.Equal([0L, 2, 2, 0], masked.Target);
        Assert.Equal([PartialCrossEntropy.Ignore, PartialCrossEntropy.Ignore, PartialCrossEntropy.Ignore, 1L], clicked.Target);
        Assert.Equal([true, true, true], masked.LabelledClasses);
    }
}
