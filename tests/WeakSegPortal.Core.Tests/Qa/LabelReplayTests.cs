using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Qa;

public sealed class LabelReplayTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Labels_as_of_a_moment_include_what_was_drawn_by_then_and_not_what_was_deleted_by_then()
    {
        var (item, ann) = (Guid.NewGuid(), Guid.NewGuid());
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var stream = new LabelReplay.Entry[]
        {
            new(T0, new BoxDrawn(first, item, ann, Guid.NewGuid(), new Box2D(1, 1, 5, 5, 0, 1), Provenance.Manual, 100, T0)),
            new(T0.AddMinutes(1), new BoxDrawn(second, item, ann, Guid.NewGuid(), new Box2D(2, 2, 6, 6, 0, 1), Provenance.Manual, 100, T0.AddMinutes(1))),
            new(T0.AddMinutes(2), new AnnotationDeleted(first, item, ann, Guid.NewGuid(), T0.AddMinutes(2))),
        };

        Assert.Empty(LabelReplay.AsOf(item, ann, stream, T0.AddSeconds(-1)).Annotations);
        Assert.Equal([first], LabelReplay.AsOf(item, ann, stream, T0.AddSeconds(30)).Annotations.Select(a => a.AnnotationId));
        Assert.Equal([first, second], LabelReplay.AsOf(item, ann, stream, T0.AddMinutes(1)).Annotations.Select(a => a.AnnotationId));
        Assert.Equal([second], LabelReplay.AsOf(item, ann, stream, DateTimeOffset.MaxValue).Annotations.Select(a => a.AnnotationId));
    }

    [Fact]
    public void Polygons_and_brush_strokes_are_replayed_too()
    {
        var (item, ann) = (Guid.NewGuid(), Guid.NewGuid());
        var (polygon, stroke) = (Guid.NewGuid(), Guid.NewGuid());
        var stream = new LabelReplay.Entry[]
        {
            new(T0, new PolygonDrawn(polygon, item, ann, Guid.NewGuid(), new Polygon([new(1, 1), new(5, 1), new(5, 5)], 0, 1), Provenance.Manual, 100, T0)),
            new(T0.AddMinutes(1), new BrushStrokePainted(stroke, item, ann, Guid.NewGuid(), new BrushStroke([new(2, 2)], 3, 0, 1, Erase: true), Provenance.Manual, 100, T0.AddMinutes(1))),
        };
        Assert.Equal([polygon], LabelReplay.AsOf(item, ann, stream, T0.AddSeconds(30)).Annotations.Select(a => a.AnnotationId));
        Assert.Equal([polygon, stroke], LabelReplay.AsOf(item, ann, stream, DateTimeOffset.MaxValue).Annotations.Select(a => a.AnnotationId));
    }
}
