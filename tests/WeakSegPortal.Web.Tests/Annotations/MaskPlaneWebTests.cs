using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Exports;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>
/// Full masks (brush incl. erase, polygon, accepted mask) drawn on coronal and sagittal views (docs/annotation-protocol.md,
/// "plane") through the real hub and event store: stored with their plane, read back as sent, refused with the shared reason
/// where the protocol says so, scored at the QA desk on the axial slices their paint lies on, exported as their rasterised
/// voxels, and traced on those slices in the QA viewer.
/// </summary>
public sealed class MaskPlaneWebTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Password = "mask-plane-password";

    /// <summary>64 × 48 × 8: coronal plane 64 × 8 (slices j 0..47), sagittal 48 × 8 (slices i 0..63).</summary>
    private static readonly Grid Volume = new(64, 48, 8);

    private async Task<(Guid Item, Guid Ann1, Guid Ann2)> ItemForTwoAsync(string name)
    {
        var ann1 = await factory.EnsureUserAsync("mask-plane-ann1", Password, Roles.Annotator);
        var ann2 = await factory.EnsureUserAsync("mask-plane-ann2", Password, Roles.Annotator);
        var draft = TestData.Draft(name);
        draft.AllowedKinds = [AnnotationKind.Tag, AnnotationKind.Box, AnnotationKind.Scribble, AnnotationKind.Point, AnnotationKind.Brush, AnnotationKind.Polygon, AnnotationKind.Mask];
        var project = await TestData.ProjectAsync(factory.Services, draft, new(ann1, ProjectRole.Annotator), new(ann2, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "case", nx: 64, ny: 48, nz: 8);
        await using var scope = factory.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<NextItemHandler>();
        Assert.Equal(item, (await queue.HandleAsync(new NextItem(project, ann1), CancellationToken.None))!.Id);
        Assert.Equal(item, (await queue.HandleAsync(new NextItem(project, ann2), CancellationToken.None))!.Id);
        return (item, ann1, ann2);
    }

    private Task<HubConnection> ConnectAsync(string user) => HubClients.ConnectAsync(factory, "/hubs/annotation", user, Password);

    private static Task<AnnotationAck> SubmitAsync(HubConnection hub, AnnotationCommand command) => hub.InvokeAsync<AnnotationAck>("Submit", command);

    /// <summary>Coronal slice j = 40 (an axial slice 40 does not exist: nz = 8): row k = 2, i 10..20.</summary>
    private static AnnotationCommand CoronalStroke(Guid item) =>
        new(Guid.NewGuid(), item, "brush", 1, 40, Brush: new BrushShape([[10, 2], [20, 2]], 1, false), ActiveMs: 500, Plane: "coronal");

    [Fact]
    public async Task Brush_eraser_polygon_and_mask_on_reformats_are_stored_with_their_plane_and_read_back_as_sent_after_reconnecting()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Mask plane round trip");
        var eraser = new AnnotationCommand(Guid.NewGuid(), item, "brush", 1, 40, Brush: new BrushShape([[15, 2]], 1, Erase: true), Plane: "coronal");
        var polygon = new AnnotationCommand(Guid.NewGuid(), item, "polygon", 2, 60, Polygon: new PolygonShape([[2, 0], [40, 0], [20, 7]]), Plane: "sagittal");
        var mask = new AnnotationCommand(Guid.NewGuid(), item, "mask", 1, 47, Mask: new MaskShape(64, 8, [100, 20, 392]), Plane: "coronal");
        await using (var hub = await ConnectAsync("mask-plane-ann1"))
        {
            foreach (var command in new[] { CoronalStroke(item), eraser, polygon, mask })
            {
                var ack = await SubmitAsync(hub, command);
                Assert.True(ack.Accepted, ack.Reason);
            }
        }
        await using var again = await ConnectAsync("mask-plane-ann1");
        var mine = await again.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item);
        Assert.Equal(["coronal", "coronal", "sagittal", "coronal"], mine.Select(a => a.Plane));
        Assert.Equal((40, true), (mine[1].Slice, mine[1].Brush!.Erase));
        Assert.Equal(new MaskShape(64, 8, [100, 20, 392]).Counts, mine[3].Mask!.Counts);
        var stored = (await TestData.AnnotationStreamAsync(factory.Services, item, ann1)).OfType<ILabelMade>().Select(e => e.ToStored().MaskShape!).ToList();
        Assert.Equal([SlicePlane.Coronal, SlicePlane.Coronal, SlicePlane.Sagittal, SlicePlane.Coronal], stored.Select(m => m.Plane));
        // As labels: the stroke less the eraser on coronal slice 40, row k = 2: i 10..14 and 16..20.
        var painted = WeakLabelRasterizer.Painted(stored.Take(2).ToList(), 1, Volume)!;
        Assert.Equal([.. Enumerable.Range(10, 5), .. Enumerable.Range(16, 5)], Enumerable.Range(0, 64).Where(i => painted[Volume.Index(i, 40, 2)]));
        Assert.Equal(10, painted.Count(p => p));
        // More work after reading back: the polygon is deleted, the rest stay.
        Assert.True((await SubmitAsync(again, new(Guid.NewGuid(), item, "delete", 0, null, Delete: new DeleteTarget(mine[2].AnnotationId)))).Accepted);
        Assert.Equal(["coronal", "coronal", "coronal"], (await again.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item)).Select(a => a.Plane));
    }

    [Fact]
    public async Task A_scribble_or_a_mask_of_the_wrong_size_on_a_reformat_is_refused_with_the_shared_reason_and_nothing_is_stored()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Mask plane refusals");
        await using var hub = await ConnectAsync("mask-plane-ann1");
        var scribble = await SubmitAsync(hub, new(Guid.NewGuid(), item, "scribble", 1, 3, Scribble: new ScribbleShape([[1, 1], [5, 5]], 2), Plane: "coronal"));
        Assert.Equal((false, AnnotationCommandValidator.OnlyBoxesOnReformats), (scribble.Accepted, scribble.Reason));
        var wrongSize = await SubmitAsync(hub, new(Guid.NewGuid(), item, "mask", 1, 3, Mask: new MaskShape(64, 48, [100, 20, 2952]), Plane: "coronal"));
        Assert.Equal((false, "The mask is 64 × 48; it must be as large as the coronal plane (64 × 8)."), (wrongSize.Accepted, wrongSize.Reason));
        var outside = await SubmitAsync(hub, CoronalStroke(item) with { Brush = new BrushShape([[10, 2], [10, 9]], 1, false) });
        Assert.Equal((false, "The brush stroke leaves the coronal plane (64 × 8)."), (outside.Accepted, outside.Reason));
        Assert.Empty(await TestData.AnnotationStreamAsync(factory.Services, item, ann1));
    }

    [Fact]
    public async Task Two_annotators_painting_the_same_coronal_stroke_agree_on_the_axial_slice_it_lies_on()
    {
        var (item, ann1, ann2) = await ItemForTwoAsync("Mask plane agreement");
        await using var hub1 = await ConnectAsync("mask-plane-ann1");
        await using var hub2 = await ConnectAsync("mask-plane-ann2");
        Assert.True((await SubmitAsync(hub1, CoronalStroke(item))).Accepted);
        Assert.True((await SubmitAsync(hub2, CoronalStroke(item))).Accepted);
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var summary = await Eventually.GetAsync(() => session.LoadAsync<ItemAgreementSummary>(item), s => s.AnnotatorIds.Contains(ann1) && s.AnnotatorIds.Contains(ann2));
        Assert.Equal(1, summary.LabelledSlices);
        Assert.Equal(1, summary.Classes.Single(c => c.ClassId == 1).MeanPairwiseDice!.Value, 6);
    }

    [Fact]
    public void Exports_hold_a_coronal_stroke_s_rasterised_voxels_for_the_annotator_and_the_consensus()
    {
        var stroke = new BrushStroke([new PlanePoint(10, 2), new PlanePoint(20, 2)], 1, 40, 1, false, SlicePlane.Coronal);
        var labels = new WeakLabels { Masks = [stroke] };
        int[] voxels = [.. Enumerable.Range(10, 11).Select(i => Volume.Index(i, 40, 2))];
        var annotator = LabelMaps.OfAnnotator(labels, [1, 2], Volume);
        Assert.Equal(voxels, Enumerable.Range(0, annotator.Length).Where(v => annotator[v] == 1));
        Assert.DoesNotContain((byte)2, annotator);
        var consensus = LabelMaps.Consensus([labels, labels], [1, 2], Volume);
        Assert.Equal(voxels, Enumerable.Range(0, consensus.Length).Where(v => consensus[v] == 1));
    }

    [Fact]
    public void The_QA_viewer_traces_reformat_paint_as_masks_and_an_eraser_as_dashed_runs_on_each_axial_slice()
    {
        var stroke = new BrushStroke([new PlanePoint(10, 2), new PlanePoint(20, 3)], 1, 40, 1, false, SlicePlane.Coronal);
        var stored = new BrushStrokePainted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), stroke, Provenance.Manual, 0, DateTimeOffset.UnixEpoch).ToStored();
        var shapes = QaViewerLayers.Of([new OverlayLayer(Guid.NewGuid(), "a", "#ffffff", [stored])], Volume).Single().Shapes;
        Assert.Equal([2, 3], shapes.Select(s => s.Slice));
        Assert.All(shapes, s => Assert.Equal(("mask", 1, "coronal", 64, 48), (s.Kind, s.ClassId, s.Plane, s.Mask!.Width, s.Mask.Height)));
        var onTwo = MaskRle.Decode(shapes[0].Mask!.Counts, 64, 48);
        var expectedOnTwo = Enumerable.Range(0, 64).Where(i => WeakLabelRasterizer.Painted([stroke], 1, Volume)![Volume.Index(i, 40, 2)]).Select(i => (40 * 64) + i);
        Assert.Equal(expectedOnTwo, Enumerable.Range(0, onTwo.Length).Where(p => onTwo[p]));
        var eraser = new BrushStrokePainted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            new BrushStroke([new PlanePoint(5, 1), new PlanePoint(7, 1)], 1, 9, 1, true, SlicePlane.Sagittal), Provenance.Manual, 0, DateTimeOffset.UnixEpoch).ToStored();
        var run = Assert.Single(QaViewerLayers.Of([new OverlayLayer(Guid.NewGuid(), "a", "#ffffff", [eraser])], Volume).Single().Shapes);
        Assert.Equal(("brush", 1, true, "sagittal"), (run.Kind, run.Slice, run.Erase, run.Plane));
        Assert.Equal([9, 5, 9, 7], run.Points);                                  // column i = 9, j 5..7
        Assert.Throws<ArgumentException>(() => QaViewerLayers.Of([new OverlayLayer(Guid.NewGuid(), "a", "#ffffff", [eraser])]));
    }
}
