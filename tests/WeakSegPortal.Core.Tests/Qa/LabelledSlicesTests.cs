using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Qa;

public sealed class LabelledSlicesTests
{
    [Fact]
    public void Only_labelled_slices_are_kept_in_volume_order_and_item_tags_stay_item_wide()
    {
        var volume = new Grid(8, 8, 40, 1, 1, 2.5);
        var a = new WeakLabels { Boxes = [new Box2D(1, 1, 4, 4, 30, 1)], Tags = [new Tag(1, false)] };
        var b = new WeakLabels { Points = [new LabelPoint(2, 2, 7, 1)], Tags = [new Tag(2, true, 12)] };

        var slices = LabelledSlices.Of(volume, [a, b]);

        Assert.Equal([7, 12, 30], slices.VolumeSlices);
        Assert.Equal(new Grid(8, 8, 3, 1, 1, 2.5), slices.Grid);
        Assert.Equal(2, slices.Labels[0].Boxes[0].Slice);
        Assert.Null(slices.Labels[0].Tags[0].Slice);
        Assert.Equal(0, slices.Labels[1].Points[0].Slice);
        Assert.Equal(1, slices.Labels[1].Tags[0].Slice);
    }

    [Fact]
    public void An_item_with_only_item_wide_tags_gets_one_slice()
    {
        var slices = LabelledSlices.Of(new Grid(4, 4, 9), [new WeakLabels { Tags = [new Tag(1, true)] }]);
        Assert.Equal([0], slices.VolumeSlices);
        Assert.Equal(1, slices.Grid.Nz);
    }

    [Fact]
    public void One_slice_keeps_its_labels_and_drops_the_others()
    {
        var labels = new WeakLabels { Boxes = [new Box2D(1, 1, 3, 3, 4, 1), new Box2D(1, 1, 3, 3, 5, 1)], Tags = [new Tag(1, true, 5), new Tag(2, false)] };
        var onFour = LabelledSlices.OnSlice(labels, 4, new Grid(4, 4, 9));
        Assert.Equal(0, Assert.Single(onFour.Boxes).Slice);
        Assert.Null(Assert.Single(onFour.Tags).Slice);
    }
}
