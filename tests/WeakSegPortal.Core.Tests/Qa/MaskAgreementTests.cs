using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Qa;

/// <summary>Polygons and brush strokes reach the agreement maths like the weak labels do.</summary>
public sealed class MaskAgreementTests
{
    private static StoredAnnotation Stored(object shape) => new(Guid.NewGuid(), Guid.NewGuid(), "mask", null, null, null, null,
        Provenance.Manual, 0, DateTimeOffset.UnixEpoch)
    {
        Polygon = shape as Polygon,
        Brush = shape as BrushStroke,
    };

    [Fact]
    public void Stored_polygons_and_strokes_become_masks_in_the_order_drawn()
    {
        var polygon = new Polygon([new(1, 1), new(8, 1), new(8, 8)], 5, 1);
        var erase = new BrushStroke([new(2, 2)], 2, 5, 1, Erase: true);
        var labels = StoredLabels.ToWeakLabels([Stored(polygon), Stored(erase)]);
        Assert.Equal([polygon, erase], labels.Masks.Cast<object>());
    }

    [Fact]
    public void A_masked_slice_is_kept_and_the_mask_moves_onto_the_compact_grid()
    {
        var labels = new WeakLabels { Masks = [new Polygon([new(1, 1), new(8, 1), new(8, 8)], 7, 1)] };
        var compact = LabelledSlices.Of(new Grid(10, 10, 20), [labels]);
        Assert.Equal([7], compact.VolumeSlices);
        Assert.Equal(0, Assert.Single(compact.Labels[0].Masks).Slice);
    }
}
