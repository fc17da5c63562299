using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>The annotation hub over real SignalR connections against the real event store.</summary>
public sealed class AnnotationHubTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Password = "hub-password";

    private async Task<(Guid Item, Guid Ann1, Guid Ann2)> ItemForTwoAsync(string name, params AnnotationKind[] moreKinds)
    {
        var ann1 = await factory.EnsureUserAsync("hub-ann1", Password, Roles.Annotator);
        var ann2 = await factory.EnsureUserAsync("hub-ann2", Password, Roles.Annotator);
        var draft = TestData.Draft(name);
        draft.AllowedKinds.UnionWith(moreKinds);
        var project = await TestData.ProjectAsync(factory.Services, draft, new(ann1, ProjectRole.Annotator), new(ann2, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "case", nx: 64, ny: 48, nz: 8);
        await using var scope = factory.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<NextItemHandler>();
        Assert.Equal(item, (await queue.HandleAsync(new NextItem(project, ann1), CancellationToken.None))!.Id);
        Assert.Equal(item, (await queue.HandleAsync(new NextItem(project, ann2), CancellationToken.None))!.Id);
        return (item, ann1, ann2);
    }

    private Task<HubConnection> ConnectAsync(string user) => HubClients.ConnectAsync(factory, "/hubs/annotation", user, Password);

    private static Task<AnnotationAck> SubmitAsync(HubConnection hub, AnnotationCommand command) =>
        hub.InvokeAsync<AnnotationAck>("Submit", command);

    private static AnnotationCommand Box(Guid item, double x0, double y0, double x1, double y1, int classId = 1) =>
        new(Guid.NewGuid(), item, "box", classId, 3, Box: new BoxShape(x0, y0, x1, y1), ActiveMs: 2100);

    private Task<IReadOnlyList<object>> StreamAsync(Guid item, Guid annotator) => TestData.AnnotationStreamAsync(factory.Services, item, annotator);

    [Fact]
    public async Task Box_scribble_point_and_tag_are_stored_and_read_back()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Hub all kinds");
        await using var hub = await ConnectAsync("hub-ann1");
        var acks = new[]
        {
            await SubmitAsync(hub, Box(item, 5, 5, 20, 30)),
            await SubmitAsync(hub, new(Guid.NewGuid(), item, "scribble", 0, 3, Scribble: new ScribbleShape([[1, 1], [10, 12], [20, 12]], 3))),
            await SubmitAsync(hub, new(Guid.NewGuid(), item, "point", 2, 4, Point: new PointShape(30, 30, false))),
            await SubmitAsync(hub, new(Guid.NewGuid(), item, "tag", 2, null, Tag: new TagValue(true))),
        };
        Assert.All(acks, a => Assert.True(a.Accepted, a.Reason));
        var mine = await hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item);
        Assert.Equal(["box", "scribble", "point", "tag"], mine.Select(a => a.Kind));
        Assert.Equal(new BoxShape(5, 5, 20, 30), mine[0].Box);
        Assert.Equal((1, 3), (mine[0].ClassId, mine[0].Slice));
        Assert.Equal(2100, mine[0].ActiveMs);
        Assert.Equal([[1.0, 1], [10, 12], [20, 12]], mine[1].Scribble!.Points);
        Assert.False(mine[2].Point!.Positive);
        Assert.True(mine[3].Tag!.Present);
        Assert.Null(mine[3].Slice);
        Assert.Equal(4, (await StreamAsync(item, ann1)).Count);
    }

    private static AnnotationCommand Polygon(Guid item, int classId, params double[][] points) =>
        new(Guid.NewGuid(), item, "polygon", classId, 2, ActiveMs: 900, Polygon: new PolygonShape(points));

    private static AnnotationCommand Brush(Guid item, bool erase, double width, params double[][] points) =>
        new(Guid.NewGuid(), item, "brush", 1, 5, ActiveMs: 400, Brush: new BrushShape(points, width, erase));

    [Fact]
    public async Task Polygon_brush_and_eraser_are_stored_and_read_back_in_protocol_shape()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Hub full masks", AnnotationKind.Polygon, AnnotationKind.Brush);
        await using var hub = await ConnectAsync("hub-ann1");
        var acks = new[]
        {
            await SubmitAsync(hub, Polygon(item, 2, [4, 4], [30, 4], [30, 20], [4, 20])),
            await SubmitAsync(hub, Brush(item, false, 6, [10, 10], [20, 12.5])),
            await SubmitAsync(hub, Brush(item, true, 3, [15, 11])),
        };
        Assert.All(acks, a => Assert.True(a.Accepted, a.Reason));
        var mine = await hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item);
        Assert.Equal(["polygon", "brush", "brush"], mine.Select(a => a.Kind));
        Assert.Equal((2, 2), (mine[0].ClassId, mine[0].Slice));
        Assert.Equal([[4.0, 4], [30, 4], [30, 20], [4, 20]], mine[0].Polygon!.Points);
        Assert.Equal(900, mine[0].ActiveMs);
        Assert.Equal((1, 5, 6.0, false), (mine[1].ClassId, mine[1].Slice, mine[1].Brush!.Width, mine[1].Brush!.Erase));
        Assert.Equal([[10.0, 10], [20, 12.5]], mine[1].Brush!.Points);
        Assert.True(mine[2].Brush!.Erase);
        Assert.All(mine, a => Assert.Null(a.Box));
        var stored = await StreamAsync(item, ann1);
        Assert.Single(stored.OfType<PolygonDrawn>());
        Assert.Equal(2, stored.OfType<BrushStrokePainted>().Count());
        Assert.Equal(acks[2].AnnotationId, stored.OfType<BrushStrokePainted>().Single(e => e.Stroke.Erase).AnnotationId);

        // Undo of a stroke is a deletion, like any other annotation.
        Assert.True((await SubmitAsync(hub, new(Guid.NewGuid(), item, "delete", 0, null, Delete: new DeleteTarget(acks[2].AnnotationId!.Value)))).Accepted);
        Assert.Equal(["polygon", "brush"], (await hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item)).Select(a => a.Kind));
    }

    [Fact]
    public async Task Polygon_and_brush_are_refused_where_the_project_does_not_ask_for_full_masks()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Hub no full masks");
        await using var hub = await ConnectAsync("hub-ann1");
        Assert.Equal("Polygons are not allowed in this project.", (await SubmitAsync(hub, Polygon(item, 1, [1, 1], [9, 1], [9, 9]))).Reason);
        Assert.Equal("Brush strokes are not allowed in this project.", (await SubmitAsync(hub, Brush(item, false, 3, [1, 1]))).Reason);
        Assert.Empty(await StreamAsync(item, ann1));
    }

    [Fact]
    public async Task Polygon_and_brush_outside_the_image_are_refused_with_a_reason()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Hub full masks outside", AnnotationKind.Polygon, AnnotationKind.Brush);
        await using var hub = await ConnectAsync("hub-ann1");
        var polygon = await SubmitAsync(hub, Polygon(item, 1, [1, 1], [70, 1], [9, 9]));
        var brush = await SubmitAsync(hub, Brush(item, true, 3, [1, 1], [1, 48]));
        var tooFew = await SubmitAsync(hub, Polygon(item, 1, [1, 1], [9, 1]));
        Assert.Equal("The polygon leaves the image (64 × 48).", polygon.Reason);
        Assert.Equal("The brush stroke leaves the image (64 × 48).", brush.Reason);
        Assert.Equal("A polygon needs 3 to 20000 points.", tooFew.Reason);
        Assert.Empty(await StreamAsync(item, ann1));
    }

    [Fact]
    public async Task Resending_a_command_id_answers_the_same_and_appends_nothing()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Hub resend");
        await using var hub = await ConnectAsync("hub-ann1");
        var command = Box(item, 1, 1, 9, 9);
        var first = await SubmitAsync(hub, command);
        var again = await SubmitAsync(hub, command);
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SubmitAsync(hub, command with { CommandId = command.CommandId })));
        Assert.True(first.Accepted);
        Assert.Equal(first, again);
        Assert.All(racing, a => Assert.Equal(first, a));
        Assert.Single(await StreamAsync(item, ann1));
    }

    [Fact]
    public async Task Two_copies_of_a_new_command_at_once_store_it_exactly_once()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Hub race");
        await using var hub1 = await ConnectAsync("hub-ann1");
        await using var hub2 = await ConnectAsync("hub-ann1");
        var command = Box(item, 2, 2, 6, 6);
        var acks = await Task.WhenAll(SubmitAsync(hub1, command), SubmitAsync(hub2, command), SubmitAsync(hub1, command));
        Assert.All(acks, a => Assert.True(a.Accepted));
        Assert.Single(acks.Select(a => a.AnnotationId).Distinct());
        Assert.Single(await StreamAsync(item, ann1));
    }

    [Theory]
    [InlineData(-5, 0, 10, 10, 1, "The box lies outside the image (64 × 48).")]
    [InlineData(0, 0, 64, 10, 1, "outside the image")]
    [InlineData(0, 0, 10, 10, 9, "Class 9 is not a class of this project.")]
    [InlineData(0, 0, 10, 10, 0, "needs a class")]
    public async Task A_bad_box_is_refused_with_a_reason_and_changes_nothing(double x0, double y0, double x1, double y1, int classId, string reason)
    {
        var (item, ann1, _) = await ItemForTwoAsync($"Hub bad box {x0} {x1} {classId}");
        await using var hub = await ConnectAsync("hub-ann1");
        var ack = await SubmitAsync(hub, Box(item, x0, y0, x1, y1, classId));
        Assert.False(ack.Accepted);
        Assert.Contains(reason, ack.Reason, StringComparison.Ordinal);
        Assert.Empty(await StreamAsync(item, ann1));
    }

    [Fact]
    public async Task A_kind_the_project_does_not_allow_is_refused()
    {
        var ann = await factory.EnsureUserAsync("hub-ann1", Password, Roles.Annotator);
        var draft = TestData.Draft("Hub boxes only");
        draft.AllowedKinds = [AnnotationKind.Box];
        var project = await TestData.ProjectAsync(factory.Services, draft, new ProjectMember(ann, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "case");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(project, ann), CancellationToken.None);
        }
        await using var hub = await ConnectAsync("hub-ann1");
        var ack = await SubmitAsync(hub, new(Guid.NewGuid(), item, "scribble", 1, 0, Scribble: new ScribbleShape([[1, 1]], 2)));
        Assert.Equal("Scribbles are not allowed in this project.", ack.Reason);
    }

    [Fact]
    public async Task A_kind_allowed_by_an_edit_is_accepted_at_once()
    {
        var ann = await factory.EnsureUserAsync("hub-ann1", Password, Roles.Annotator);
        var draft = TestData.Draft($"Hub edit kinds {Guid.NewGuid():N}");
        draft.AllowedKinds = [AnnotationKind.Box];
        var project = await TestData.ProjectAsync(factory.Services, draft, new ProjectMember(ann, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "case");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(project, ann), CancellationToken.None);
        }
        await using var hub = await ConnectAsync("hub-ann1");
        AnnotationCommand Scribble() => new(Guid.NewGuid(), item, "scribble", 1, 0, Scribble: new ScribbleShape([[1, 1], [4, 4]], 2));
        Assert.False((await SubmitAsync(hub, Scribble())).Accepted);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var loaded = await ProjectQueries.LoadAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), project, CancellationToken.None);
            var edit = ProjectDraft.From(loaded!.Value.Project, loaded.Value.Version);
            edit.AllowedKinds.Add(AnnotationKind.Scribble);
            Assert.True((await scope.ServiceProvider.GetRequiredService<EditProjectHandler>().HandleAsync(new EditProject(project, edit, Guid.Empty), CancellationToken.None)).Succeeded);
        }
        var ack = await SubmitAsync(hub, Scribble());
        Assert.True(ack.Accepted, ack.Reason);
    }

    [Fact]
    public async Task An_item_not_assigned_to_the_annotator_is_refused()
    {
        var ann = await factory.EnsureUserAsync("hub-ann1", Password, Roles.Annotator);
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Hub unassigned"), new ProjectMember(ann, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "never assigned");
        await using var hub = await ConnectAsync("hub-ann1");
        var ack = await SubmitAsync(hub, Box(item, 1, 1, 5, 5));
        Assert.Equal(AnnotationBatch.NotYours, ack.Reason);
    }

    [Fact]
    public async Task Annotators_never_see_each_others_labels()
    {
        var (item, _, _) = await ItemForTwoAsync("Hub blinding");
        await using var hub1 = await ConnectAsync("hub-ann1");
        await using var hub2 = await ConnectAsync("hub-ann2");
        Assert.True((await SubmitAsync(hub1, Box(item, 1, 1, 5, 5))).Accepted);
        Assert.Empty(await hub2.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item));
        var mine = await hub1.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item);
        // Deleting someone else's annotation is refused as if it did not exist.
        var ack = await SubmitAsync(hub2, new(Guid.NewGuid(), item, "delete", 0, null, Delete: new DeleteTarget(mine[0].AnnotationId)));
        Assert.False(ack.Accepted);
        Assert.Single(await hub1.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item));
    }

    [Fact]
    public async Task A_new_answer_to_a_tag_replaces_the_old_one_and_can_be_deleted()
    {
        var (item, _, _) = await ItemForTwoAsync("Hub tag answer");
        await using var hub = await ConnectAsync("hub-ann1");
        Assert.True((await SubmitAsync(hub, new(Guid.NewGuid(), item, "tag", 1, 2, Tag: new TagValue(true)))).Accepted);
        Assert.True((await SubmitAsync(hub, new(Guid.NewGuid(), item, "tag", 1, null, Tag: new TagValue(true)))).Accepted);
        var changed = await SubmitAsync(hub, new(Guid.NewGuid(), item, "tag", 1, 2, Tag: new TagValue(false)));
        var tags = await hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item);
        Assert.Equal(2, tags.Count);
        Assert.False(tags.Single(t => t.Slice == 2).Tag!.Present);
        var deleted = await SubmitAsync(hub, new(Guid.NewGuid(), item, "delete", 0, null, Delete: new DeleteTarget(changed.AnnotationId!.Value)));
        Assert.True(deleted.Accepted, deleted.Reason);
        Assert.Null(Assert.Single(await hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item)).Slice);
    }

    [Fact]
    public async Task A_deleted_annotation_is_gone_after_reload()
    {
        var (item, _, _) = await ItemForTwoAsync("Hub delete");
        await using var hub = await ConnectAsync("hub-ann1");
        var created = await SubmitAsync(hub, Box(item, 1, 1, 5, 5));
        var deleted = await SubmitAsync(hub, new(Guid.NewGuid(), item, "delete", 0, null, Delete: new DeleteTarget(created.AnnotationId!.Value)));
        Assert.True(deleted.Accepted);
        Assert.Empty(await hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item));
    }

    [Fact]
    public async Task A_project_manager_cannot_use_the_annotation_hub()
    {
        await factory.EnsureUserAsync("hub-pm", Password, Roles.ProjectManager);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync("hub-pm"));
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }
}
