using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Annotations;

public sealed class AnnotatorItemLabelsExtensionsTests
{
    [Fact]
    public void Stored_labels_become_weak_labels_with_mask_edits_in_the_order_they_were_made()
    {
        var at = DateTimeOffset.UnixEpoch;
        StoredAnnotation Stored(string kind, Polygon? polygon = null, BrushStroke? brush = null, Box2D? box = null) =>
            new(Guid.NewGuid(), Guid.NewGuid(), kind, box, null, null, null, Provenance.Manual, 0, at, polygon, brush);
        var polygon = new Polygon([new(0, 0), new(2, 0), new(2, 2)], 0, 1);
        var paint = new BrushStroke([new(1, 1)], 3, 0, 1, Erase: false);
        var erase = new BrushStroke([new(1, 1)], 1, 0, 1, Erase: true);
        var labels = new AnnotatorItemLabels
        {
            Annotations = [Stored("brush", brush: paint), Stored("box", box: new Box2D(0, 0, 1, 1, 0, 2)), Stored("polygon", polygon), Stored("brush", brush: erase)],
        };
        var weak = labels.ToWeakLabels();
        Assert.Equal([paint, polygon, erase], weak.Masks);
        Assert.Single(weak.Boxes);
        Assert.Empty(weak.Scribbles);
        Assert.Equal((1, 0), (labels.Annotations[2].ClassId, labels.Annotations[2].Slice));
    }
}
