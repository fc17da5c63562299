using Bunit;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Web.Components.Qa;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Tests.Components;

public sealed class LabelOverlayTests : MudComponentTest
{
    private static StoredAnnotation Stored(Box2D? box = null, Scribble? scribble = null, LabelPoint? point = null, Tag? tag = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), box is not null ? "box" : scribble is not null ? "scribble" : point is not null ? "point" : "tag",
            box, scribble, point, tag, Provenance.Manual, 0, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Draws_each_annotators_shapes_on_the_shown_slice_only_in_their_colour()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var layers = new[]
        {
            new OverlayLayer(a, "Ari", "#00e5ff", [Stored(box: new Box2D(30, 20, 10, 5, 3, 1)), Stored(box: new Box2D(1, 1, 2, 2, 4, 1)), Stored(tag: new Tag(1, true))]),
            new OverlayLayer(b, "Bo", "#ffea00", [Stored(scribble: new Scribble([new(1, 2), new(3.5, 4)], 3, 3, 1)), Stored(point: new LabelPoint(7, 8, 3, 1, false))]),
        };

        var overlay = Context.Render<LabelOverlay>(p => p
            .Add(x => x.Width, 64).Add(x => x.Height, 48).Add(x => x.Slice, 3).Add(x => x.Layers, layers)
            .Add(x => x.ConsensusUri, "data:image/png;base64,AA==").Add(x => x.BackgroundUrl, "/api/items/x/slices/axial/3.png"));

        Assert.Equal("-0.5 -0.5 64 48", overlay.Find("svg").GetAttribute("viewBox"));
        var rect = overlay.Find($"g[data-annotator='{a}'] rect");
        Assert.Equal(("10", "5", "20", "15"), (rect.GetAttribute("x"), rect.GetAttribute("y"), rect.GetAttribute("width"), rect.GetAttribute("height")));
        Assert.Single(overlay.FindAll($"g[data-annotator='{a}'] [data-annotation]"));
        Assert.Equal("#00e5ff", overlay.Find($"g[data-annotator='{a}']").GetAttribute("stroke"));
        Assert.Equal("1,2 3.5,4", overlay.Find("polyline").GetAttribute("points"));
        Assert.Equal("none", overlay.Find("circle").GetAttribute("fill"));
        Assert.NotNull(overlay.Find("img[data-layer=consensus]"));
        Assert.Empty(overlay.FindAll("img[data-layer=heat]"));
        Assert.Contains("aspect-ratio:64/48", overlay.Find("[data-testid=qa-overlay]").GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void Draws_polygons_filled_and_eraser_strokes_dashed()
    {
        var a = Guid.NewGuid();
        var polygon = new StoredAnnotation(Guid.NewGuid(), Guid.NewGuid(), "polygon", null, null, null, null, Provenance.Manual, 0, DateTimeOffset.UnixEpoch)
        {
            Polygon = new Polygon([new(1, 1), new(9, 1), new(9, 7)], 2, 1),
        };
        var eraser = new StoredAnnotation(Guid.NewGuid(), Guid.NewGuid(), "brush", null, null, null, null, Provenance.Manual, 0, DateTimeOffset.UnixEpoch)
        {
            Brush = new BrushStroke([new(2, 2), new(4, 4)], 3, 2, 1, Erase: true),
        };
        var overlay = Context.Render<LabelOverlay>(p => p
            .Add(x => x.Width, 16).Add(x => x.Height, 16).Add(x => x.Slice, 2)
            .Add(x => x.Layers, new[] { new OverlayLayer(a, "Ari", "#00e5ff", [polygon, eraser]) }));
        Assert.Equal("1,1 9,1 9,7", overlay.Find("polygon[data-kind=polygon]").GetAttribute("points"));
        Assert.Equal("2 2", overlay.Find("polyline[data-kind=eraser]").GetAttribute("stroke-dasharray"));
    }
}
