using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Core.Suggestions;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>
/// Accepting and rejecting suggestions through the real annotation hub (docs/suggestion-protocol.md):
/// an accepted mask is an ordinary, idempotent label with its provenance, recorded in the suggested
/// object's stream; a rejection is recorded there too; the agreement maths reads the mask.
/// </summary>
public sealed class SuggestionLabelTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Password = "suggest-password";
    private const int Nx = 64, Ny = 48;

    private async Task<(Guid Item, Guid Ann1, Guid Ann2)> ItemForTwoAsync(string name)
    {
        var ann1 = await factory.EnsureUserAsync("sug-ann1", Password, Roles.Annotator);
        var ann2 = await factory.EnsureUserAsync("sug-ann2", Password, Roles.Annotator);
        var draft = TestData.Draft(name);
        draft.AllowedKinds.UnionWith([AnnotationKind.Mask, AnnotationKind.Polygon]);
        var project = await TestData.ProjectAsync(factory.Services, draft, new(ann1, ProjectRole.Annotator), new(ann2, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "case", nx: Nx, ny: Ny, nz: 8);
        await using var scope = factory.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<NextItemHandler>();
        Assert.Equal(item, (await queue.HandleAsync(new NextItem(project, ann1), CancellationToken.None))!.Id);
        Assert.Equal(item, (await queue.HandleAsync(new NextItem(project, ann2), CancellationToken.None))!.Id);
        return (item, ann1, ann2);
    }

    private Task<HubConnection> ConnectAsync(string user) => HubClients.ConnectAsync(factory, "/hubs/annotation", user, Password);

    /// <summary>The mask of voxels x 10–29, y 5–19 on the 64 × 48 slice.</summary>
    private static MaskShape Rectangle()
    {
        var pixels = new bool[Nx * Ny];
        for (var v = 0; v < pixels.Length; v++)
        {
            pixels[v] = v % Nx is >= 10 and <= 29 && v / Nx is >= 5 and <= 19;
        }
        return new MaskShape(Nx, Ny, MaskRle.Encode(pixels));
    }

    private static Provenance FromSuggestion(Guid suggestionId, Guid objectId) =>
        new(Provenance.SuggestionSource, "grabcut-box", "1", """{"box":{"x0":10,"y0":5,"x1":29,"y1":19}}""", suggestionId, objectId);

    private async Task<IReadOnlyList<object>> SuggestionStreamAsync(Guid annotator, Guid objectId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        return [.. (await session.Events.FetchStreamAsync(SuggestionStreams.For(annotator, objectId))).Select(e => e.Data)];
    }

    [Fact]
    public async Task An_accepted_mask_is_stored_with_its_provenance_recorded_in_its_objects_stream_and_a_resend_duplicates_nothing()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Accepted mask");
        await using var hub = await ConnectAsync("sug-ann1");
        var (suggestionId, objectId) = (Guid.NewGuid(), Guid.NewGuid());
        var command = new AnnotationCommand(Guid.NewGuid(), item, AnnotationKinds.Mask, 1, 4, Mask: Rectangle(), ActiveMs: 2100, Provenance: FromSuggestion(suggestionId, objectId));

        var ack = await hub.InvokeAsync<AnnotationAck>("Submit", command);
        Assert.True(ack.Accepted, ack.Reason);
        var again = await hub.InvokeAsync<AnnotationAck>("Submit", command);
        Assert.Equal(ack, again);

        var mine = Assert.Single(await hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item));
        Assert.Equal((AnnotationKinds.Mask, 1, (int?)4, ack.AnnotationId), (mine.Kind, mine.ClassId, mine.Slice, (Guid?)mine.AnnotationId));
        Assert.Equal(command.Mask!.Counts, mine.Mask!.Counts);
        Assert.Equal((Nx, Ny), (mine.Mask.Width, mine.Mask.Height));
        Assert.Equal(command.Provenance, mine.Provenance);
        Assert.Single(await TestData.AnnotationStreamAsync(factory.Services, item, ann1));
        var accepted = Assert.IsType<SuggestionAccepted>(Assert.Single(await SuggestionStreamAsync(ann1, objectId)));
        Assert.Equal((suggestionId, objectId, item, ann1, ack.AnnotationId!.Value), (accepted.SuggestionId, accepted.ObjectId, accepted.ItemId, accepted.AnnotatorId, accepted.AnnotationId));
    }

    [Fact]
    public async Task A_mask_drawn_without_provenance_is_manual_and_touches_no_suggestion_stream()
    {
        var (item, _, _) = await ItemForTwoAsync("Manual mask");
        await using var hub = await ConnectAsync("sug-ann1");
        var ack = await hub.InvokeAsync<AnnotationAck>("Submit", new AnnotationCommand(Guid.NewGuid(), item, AnnotationKinds.Mask, 1, 4, Mask: Rectangle()));
        Assert.True(ack.Accepted, ack.Reason);
        Assert.Equal(Provenance.Manual, Assert.Single(await hub.InvokeAsync<List<AnnotationView>>("GetMyAnnotations", item)).Provenance);
    }

    [Fact]
    public async Task A_suggestion_without_its_object_is_refused_with_the_reason_and_nothing_is_stored()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Broken provenance");
        await using var hub = await ConnectAsync("sug-ann1");
        var provenance = FromSuggestion(Guid.NewGuid(), Guid.NewGuid()) with { ObjectId = null };
        var ack = await hub.InvokeAsync<AnnotationAck>("Submit", new AnnotationCommand(Guid.NewGuid(), item, AnnotationKinds.Mask, 1, 4, Mask: Rectangle(), Provenance: provenance));
        Assert.False(ack.Accepted);
        Assert.False(ack.Retry);
        Assert.Equal("A suggestion's provenance needs engine, modelVersion, suggestionId and objectId.", ack.Reason);
        Assert.Empty(await TestData.AnnotationStreamAsync(factory.Services, item, ann1));
    }

    [Fact]
    public async Task A_rejected_suggestion_is_recorded_once_in_its_objects_stream_and_only_on_the_annotators_own_item()
    {
        var (item, ann1, _) = await ItemForTwoAsync("Rejected suggestion");
        await using var hub = await ConnectAsync("sug-ann1");
        var (suggestionId, objectId) = (Guid.NewGuid(), Guid.NewGuid());

        await hub.InvokeAsync("RejectSuggestion", suggestionId.ToString(), objectId.ToString(), item.ToString());
        await hub.InvokeAsync("RejectSuggestion", suggestionId.ToString(), objectId.ToString(), item.ToString());

        var rejected = Assert.IsType<SuggestionRejected>(Assert.Single(await SuggestionStreamAsync(ann1, objectId)));
        Assert.Equal((suggestionId, objectId, item, ann1), (rejected.SuggestionId, rejected.ObjectId, rejected.ItemId, rejected.AnnotatorId));

        var stranger = await factory.EnsureUserAsync("sug-stranger", Password, Roles.Annotator);
        await using var other = await ConnectAsync("sug-stranger");
        var refused = await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync("RejectSuggestion", Guid.NewGuid().ToString(), objectId.ToString(), item.ToString()));
        Assert.Contains(AnnotationBatch.NotYours, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await SuggestionStreamAsync(stranger, objectId));
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("RejectSuggestion", "not-a-uuid", objectId.ToString(), item.ToString()));
    }

    [Fact]
    public async Task The_agreement_maths_reads_an_accepted_mask_like_the_polygon_of_the_same_voxels_and_counts_it_as_assisted()
    {
        var (item, ann1, ann2) = await ItemForTwoAsync("Mask agreement");
        await using (var hub1 = await ConnectAsync("sug-ann1"))
        {
            var ack = await hub1.InvokeAsync<AnnotationAck>("Submit", new AnnotationCommand(Guid.NewGuid(), item, AnnotationKinds.Mask, 1, 4, Mask: Rectangle(), Provenance: FromSuggestion(Guid.NewGuid(), Guid.NewGuid())));
            Assert.True(ack.Accepted, ack.Reason);
        }
        await using (var hub2 = await ConnectAsync("sug-ann2"))
        {
            // Voxel centres x 10–29, y 5–19: the polygon's left and top edges are in, right and bottom out.
            var polygon = new PolygonShape([[10, 5], [30, 5], [30, 20], [10, 20]]);
            var ack = await hub2.InvokeAsync<AnnotationAck>("Submit", new AnnotationCommand(Guid.NewGuid(), item, AnnotationKinds.Polygon, 1, 4, Polygon: polygon));
            Assert.True(ack.Accepted, ack.Reason);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var summary = await Eventually.GetAsync(() => session.LoadAsync<ItemAgreementSummary>(item), s => s.AnnotatorIds.Count == 2);
        Assert.Equal(1.0, Assert.Single(summary.Classes).MeanPairwiseDice);
        Assert.Equal((1, 1), (summary.AssistedAnnotations, summary.ManualAnnotations));
        Assert.True(summary.Assisted);
        Assert.Equal(1, summary.Annotators.Single(a => a.AnnotatorId == ann1).AssistedAnnotations);
        Assert.Equal(0, summary.Annotators.Single(a => a.AnnotatorId == ann2).AssistedAnnotations);
    }
}
