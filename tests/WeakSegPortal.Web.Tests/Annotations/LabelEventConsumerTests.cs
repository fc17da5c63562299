using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Annotations;

/// <summary>
/// Every event type the store knows, through every consumer: a label event is stored as a record,
/// read back in the protocol's shape, replayed by the QA desk's history and makes the agreement
/// subscription recompute its item; an item event is an agreement input or says why not. A new
/// kind of label (the latest: accepted suggestion masks) fails here until every consumer, the QA viewer included, handles it.
/// </summary>
public sealed class LabelEventConsumerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private IReadOnlyList<Type> Registered() =>
        [.. factory.Services.GetRequiredService<IDocumentStore>().Options.Events.AllKnownEventTypes().Select(t => t.EventType)];

    /// <summary>A label of each kind, inside a 64 × 48 × 8 item; a new kind needs a sample here.</summary>
    private static ILabelMade SampleOf(Type type, Guid item, Guid annotator)
    {
        var (id, command, at) = (Guid.CreateVersion7(), Guid.NewGuid(), DateTimeOffset.UtcNow);
        PlanePoint[] path = [new(4, 4), new(20, 6), new(20, 20), new(6, 18)];
        return type.Name switch
        {
            nameof(BoxDrawn) => new BoxDrawn(id, item, annotator, command, new Box2D(2, 2, 20, 20, 3, 1), Provenance.Manual, 10, at),
            nameof(ScribbleDrawn) => new ScribbleDrawn(id, item, annotator, command, new Scribble(path, 3, 3, 1), Provenance.Manual, 10, at),
            nameof(PointPlaced) => new PointPlaced(id, item, annotator, command, new LabelPoint(10, 10, 3, 1), Provenance.Manual, 10, at),
            nameof(TagSet) => new TagSet(id, item, annotator, command, new Tag(1, true, 3), Provenance.Manual, 10, at),
            nameof(PolygonDrawn) => new PolygonDrawn(id, item, annotator, command, new Polygon(path, 3, 1), Provenance.Manual, 10, at),
            nameof(BrushStrokePainted) => new BrushStrokePainted(id, item, annotator, command, new BrushStroke(path, 5, 3, 1, false), Provenance.Manual, 10, at),
            nameof(MaskPainted) => new MaskPainted(id, item, annotator, command, new SliceMask(64, 48, [130, 12, 52, 12, 64 * 48 - 206], 3, 1),
                new Provenance(Provenance.SuggestionSource, "grabcut-box", "1", "{}", Guid.NewGuid(), Guid.NewGuid()), 10, at),
            _ => throw new Xunit.Sdk.XunitException($"{type.Name} is a label event without a sample: add one here, then make every consumer handle it."),
        };
    }

    [Fact]
    public void Every_label_event_type_is_registered_with_the_store()
    {
        Assert.NotEmpty(AnnotationEventTypes.Made);
        Assert.All(AnnotationEventTypes.All, t => Assert.Contains(t, Registered()));
    }

    [Fact]
    public async Task Every_registered_label_event_is_stored_read_back_replayed_and_recomputes_agreement_and_its_deletion_too()
    {
        var annotator = Guid.NewGuid();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Consumers"), new ProjectMember(annotator, ProjectRole.Annotator));
        var made = Registered().Where(typeof(ILabelMade).IsAssignableFrom).ToList();
        Assert.Equal(AnnotationEventTypes.Made.Select(t => t.Name).Order(), made.Select(t => t.Name).Order());
        foreach (var type in made)
        {
            var item = await TestData.ItemAsync(factory.Services, project, type.Name, nx: 64, ny: 48, nz: 8);
            var label = SampleOf(type, item, annotator);
            await AppendAsync(item, annotator, label);

            await using var scope = factory.Services.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            var stored = Assert.Single((await AnnotationRecords.OfAsync(session, item, annotator, CancellationToken.None)).Annotations);
            Assert.Equal(label.AnnotationId, stored.AnnotationId);
            Assert.Equal((1, 3), (stored.ClassId, stored.Slice));
            var view = AnnotationView.From(item, stored);
            var member = typeof(AnnotationView).GetProperty(stored.Kind, System.Reflection.BindingFlags.IgnoreCase | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
            Assert.True(member?.GetValue(view) is not null, $"{type.Name}: the view has no {stored.Kind} geometry");
            Assert.Equal(label.Provenance, view.Provenance);
            // The QA viewer draws every label but tags (they have no shape).
            var shapes = QaViewerLayers.Of([new OverlayLayer(annotator, "a", "#ffffff", [stored])]).Single().Shapes;
            Assert.True(stored.Kind == AnnotationKinds.Tag ? shapes.Count == 0 : shapes.SingleOrDefault()?.Kind == stored.Kind, $"{type.Name}: the QA viewer has no {stored.Kind} shape");
            var replay = await LabelReplay.LoadAsync(session, item, [annotator], CancellationToken.None);
            Assert.Single(LabelReplay.AsOf(item, annotator, replay[annotator], DateTimeOffset.MaxValue).Annotations);
            Assert.Equal(item, AgreementSubscription.ItemOf(label));
            await Eventually.GetAsync(() => session.LoadAsync<ItemAgreementSummary>(item), s => s.AnnotatorIds.Contains(annotator));

            var deleted = new AnnotationDeleted(label.AnnotationId, item, annotator, Guid.NewGuid(), DateTimeOffset.UtcNow);
            await AppendAsync(item, annotator, deleted);
            Assert.Empty((await AnnotationRecords.OfAsync(session, item, annotator, CancellationToken.None)).Annotations);
            replay = await LabelReplay.LoadAsync(session, item, [annotator], CancellationToken.None);
            Assert.Empty(LabelReplay.AsOf(item, annotator, replay[annotator], DateTimeOffset.MaxValue).Annotations);
            Assert.Equal(item, AgreementSubscription.ItemOf(deleted));
            await Eventually.GetAsync(() => session.LoadAsync<ItemAgreementSummary>(item), s => !s.AnnotatorIds.Contains(annotator));
        }
    }

    [Fact]
    public void Every_registered_item_event_is_an_agreement_input_or_says_why_not()
    {
        var itemEvents = Registered().Where(typeof(IItemEvent).IsAssignableFrom).ToList();
        Assert.Contains(typeof(ItemSubmitted), itemEvents);
        Assert.All(itemEvents, t => Assert.True(
            AgreementSubscription.Inputs.Contains(t) ^ AgreementSubscription.NotInputs.ContainsKey(t),
            $"{t.Name}: put it in AgreementSubscription.Inputs or NotInputs (with the reason)"));
        Assert.All(AgreementSubscription.Inputs, t => Assert.Contains(t, Registered()));
    }

    private async Task AppendAsync(Guid item, Guid annotator, IAnnotationEvent e)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Events.Append(AnnotationStreams.For(item, annotator), e);
        await session.SaveChangesAsync();
    }
}
