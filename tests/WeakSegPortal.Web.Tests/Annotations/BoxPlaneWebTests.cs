using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>
/// Boxes drawn on coronal and sagittal views (docs/annotation-protocol.md, "plane") through the real hub and event store:
/// stored with their plane, read back as sent, refused with a reason and nothing stored where the protocol says so,
/// scored at the QA desk on the axial slices they cross, and traced on those slices in the QA viewer.
/// </summary>
public sealed class BoxPlaneWebTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Password = "plane-password";

    private async Task<(Guid Item, Guid Ann1, Guid Ann2)> ItemForTwoAsync(string name)
    {
        var ann1 = await factory.EnsureUserAsync("plane-ann1", Password, Roles.Annotator);
        var ann2 = await factory.EnsureUserAsync("plane-ann2", Password, Roles.Annotator);
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft(name), new(ann1, ProjectRole.Annotator), new(ann2, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "case", nx: 64, ny: 48, nz: 8);
        await using var scope = factory.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<NextItemHandler>();
        Assert.Equal(item, (await queue.HandleAsync(new NextItem(project, ann1), CancellationToken.None))!.Id);
        Assert.Equal(item, (await queue.HandleAsync(new NextItem(project, ann2), CancellationToken.None))!.Id);
        return (item, ann1, ann2);
    }

    private Task<HubConnection> ConnectAsync(string user) => HubClients.ConnectAsync(factory, "/hubs/annotation", user, Password);

    private static Task<AnnotationAck> SubmitAsync(HubConnection hub, AnnotationCommand command) => hub.InvokeAsync<AnnotationAck>("Submit", command);

    /// <summary>Coronal slice j = 40 (an axial slice 40 does not exist: nz = 8): i 2..20, k 1..4.</summary>
    private static AnnotationCommand CoronalBox(Guid item) =>
        new(Guid.NewGuid(), item, "box", 1, 40, Box: new BoxShape(1.5, 0.5, 20.5, 4.5), ActiveMs: 700, Plane: "coronal");

    [Fact]
    public async Task Coronal_and_sagittal_boxes_are_stored_with_their_plane_and_read_back_as_sent_after_reconnecting()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Plane round trip");
        var sagittal = new AnnotationCommand(Guid.NewGuid(), item, "box", 1, 60, Box: new BoxShape(2, 0, 47.5, 7), Plane: "sagittal");
        var axial = new AnnotationCommand(Guid.NewGuid(), item, "box", 1, 3, Box: new BoxShape(2, 2, 20, 20), Plane: "axial");
        await using (var hub = await ConnectAsync("plane-ann1"))
        {
            foreach (var command in new[] { CoronalBox(item), sagittal, axial })
            {
                var ack = await SubmitAsync(hub, command);
                Assert.True(ack.Accepted, ack.Reason);
            }
        }
        await using var again = await ConnectAsync("plane-ann1");
        var mine = await again.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item);
        Assert.Equal(["coronal", "sagittal", null], mine.Select(a => a.Plane));
        Assert.Equal((40, new BoxShape(1.5, 0.5, 20.5, 4.5)), (mine[0].Slice, mine[0].Box));
        Assert.Equal((60, new BoxShape(2, 0, 47.5, 7)), (mine[1].Slice, mine[1].Box));
        var stored = (await TestData.AnnotationStreamAsync(factory.Services, item, ann1)).OfType<BoxDrawn>().ToList();
        Assert.Equal([SlicePlane.Coronal, SlicePlane.Sagittal, SlicePlane.Axial], stored.Select(e => e.Box.Plane));
        // More work after reading back: the coronal box is deleted, the rest stay.
        Assert.True((await SubmitAsync(again, new(Guid.NewGuid(), item, "delete", 0, null, Delete: new DeleteTarget(mine[0].AnnotationId)))).Accepted);
        Assert.Equal(["sagittal", null], (await again.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item)).Select(a => a.Plane));
    }

    [Fact]
    public async Task Reformat_commands_outside_the_protocol_are_refused_with_a_reason_and_nothing_is_stored()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Plane refusals");
        await using var hub = await ConnectAsync("plane-ann1");
        var scribble = await SubmitAsync(hub, new(Guid.NewGuid(), item, "scribble", 1, 3, Scribble: new ScribbleShape([[1, 1], [5, 5]], 2), Plane: "coronal"));
        var oblique = await SubmitAsync(hub, CoronalBox(item) with { Plane = "oblique" });
        var pastJ = await SubmitAsync(hub, CoronalBox(item) with { Slice = 48 });
        var pastK = await SubmitAsync(hub, CoronalBox(item) with { Box = new BoxShape(1.5, 0.5, 20.5, 8) });
        Assert.Equal(AnnotationCommandValidator.OnlyBoxesOnReformats, scribble.Reason);
        Assert.Equal("\"oblique\" is not a plane; use \"axial\", \"coronal\" or \"sagittal\".", oblique.Reason);
        Assert.Equal("Slice 48 is not a coronal slice of this image (0–47).", pastJ.Reason);
        Assert.Equal("The box lies outside the coronal plane (64 × 8).", pastK.Reason);
        Assert.All(new[] { scribble, oblique, pastJ, pastK }, a => Assert.False(a.Accepted || a.Retry));
        Assert.Empty(await TestData.AnnotationStreamAsync(factory.Services, item, ann1));
    }

    [Fact]
    public async Task Two_annotators_drawing_the_same_coronal_box_agree_on_the_axial_slices_it_crosses()
    {
        var (item, ann1, ann2) = await ItemForTwoAsync("Plane agreement");
        await using var hub1 = await ConnectAsync("plane-ann1");
        await using var hub2 = await ConnectAsync("plane-ann2");
        Assert.True((await SubmitAsync(hub1, CoronalBox(item))).Accepted);
        Assert.True((await SubmitAsync(hub2, CoronalBox(item))).Accepted);
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var summary = await Eventually.GetAsync(() => session.LoadAsync<ItemAgreementSummary>(item), s => s.AnnotatorIds.Contains(ann1) && s.AnnotatorIds.Contains(ann2));
        Assert.Equal(4, summary.LabelledSlices);
        Assert.Equal(1, summary.Classes.Single(c => c.ClassId == 1).MeanBoxIoU!.Value, 6);
    }

    [Fact]
    public void The_QA_viewer_traces_a_coronal_box_on_each_axial_slice_it_crosses()
    {
        var box = new Box2D(1.5, 0.5, 20.5, 4.5, 40, 1, SlicePlane.Coronal);
        var stored = new BoxDrawn(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), box, Provenance.Manual, 0, DateTimeOffset.UnixEpoch).ToStored();
        var shapes = QaViewerLayers.Of([new OverlayLayer(Guid.NewGuid(), "a", "#ffffff", [stored])]).Single().Shapes;
        Assert.Equal([1, 2, 3, 4], shapes.Select(s => s.Slice));
        Assert.All(shapes, s => Assert.Equal(("box", 1, "coronal"), (s.Kind, s.ClassId, s.Plane)));
        Assert.All(shapes, s => Assert.Equal([1.5, 39.5, 20.5, 40.5], s.Points));
        var sagittal = new BoxDrawn(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new Box2D(2, 0.5, 10, 1.5, 60, 1, SlicePlane.Sagittal), Provenance.Manual, 0, DateTimeOffset.UnixEpoch).ToStored();
        var column = QaViewerLayers.Of([new OverlayLayer(Guid.NewGuid(), "a", "#ffffff", [sagittal])]).Single().Shapes;
        Assert.Equal([1], column.Select(s => s.Slice));
        Assert.Equal([59.5, 2, 60.5, 10], column[0].Points);
        var axial = QaViewerLayers.Of([new OverlayLayer(Guid.NewGuid(), "a", "#ffffff", [stored with { Box = box with { Plane = SlicePlane.Axial, Slice = 3 } }])]).Single().Shapes;
        Assert.Equal([3], axial.Select(s => s.Slice));
        Assert.Null(axial[0].Plane);
    }
}
