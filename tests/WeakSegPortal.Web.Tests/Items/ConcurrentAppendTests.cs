using System.Collections.Concurrent;
using Marten;
using Marten.Services;
using WeakSegPortal.Core;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Items;

/// <summary>
/// Every handler that appends to an item's or a project's stream, with another writer appending to
/// the same stream between its read and its commit (a real second session on the real database):
/// the store refuses the first commit, the handler decides again on the fresh stream and succeeds,
/// and its decision is stored once.
/// </summary>
public sealed class ConcurrentAppendTests(ConcurrentAppendTests.InterferingPortal factory) : IClassFixture<ConcurrentAppendTests.InterferingPortal>
{
    private async Task<IReadOnlyList<object>> StreamAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(id)).Select(e => e.Data)];
    }

    private async Task<CommandResult> RaceAsync<THandler>(Guid stream, Func<THandler, Task<CommandResult>> handle)
        where THandler : notnull
    {
        factory.Writer.InterfereOnce(stream);
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await handle(scope.ServiceProvider.GetRequiredService<THandler>());
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        Assert.True(factory.Writer.Interfered(stream), "the other writer never got in between");
        Assert.True(factory.Writer.Commits(stream) >= 2, "the handler did not have to decide again: the store did not see the race");
        return result;
    }

    [Fact]
    public async Task Submit_and_skip_are_decided_again_and_stored_once()
    {
        var world = await new QaWorld(factory, "race-finish").CreateAsync("Race: finish");
        await RaceAsync<FinishItemHandler>(world.Item, h => h.HandleAsync(new FinishItem(world.Item, world.Annotators[0], 1000), CancellationToken.None));
        await RaceAsync<FinishItemHandler>(world.Item, h => h.HandleAsync(new FinishItem(world.Item, world.Annotators[1], 1000, "Structure not visible"), CancellationToken.None));
        var events = await StreamAsync(world.Item);
        Assert.Single(events.OfType<ItemSubmitted>());
        Assert.Single(events.OfType<ItemSkipped>());
        Assert.Equal(2, events.OfType<ItemAssigned>().Count(a => !world.Annotators.Contains(a.AnnotatorId)));
    }

    [Fact]
    public async Task Adjudication_return_and_gold_are_decided_again_and_stored_once()
    {
        var world = await new QaWorld(factory, "race-qa").CreateAsync("Race: QA");
        await using (var hub = await world.ConnectAsync(0))
        {
            await QaWorld.BoxAsync(hub, world.Item, 2, 2, 20, 20);
        }
        await world.SubmitItemAsync(world.Annotators[0]);
        await RaceAsync<AdjudicateItemHandler>(world.Item, h => h.HandleAsync(new AdjudicateItem(world.Item, AdjudicationBasis.Consensus, null, [], false, world.QaLead, false), CancellationToken.None));
        await RaceAsync<ReturnItemHandler>(world.Item, h => h.HandleAsync(new ReturnItem(world.Item, world.Annotators[0], "Tighter, please.", world.QaLead, false), CancellationToken.None));
        await RaceAsync<MarkItemGoldHandler>(world.Item, h => h.HandleAsync(new MarkItemGold(world.Item, world.QaLead, false), CancellationToken.None));
        var events = await StreamAsync(world.Item);
        Assert.Single(events.OfType<ItemAdjudicated>());
        Assert.Single(events.OfType<ItemReturned>());
        Assert.Single(events.OfType<ItemMarkedGold>());
    }

    [Fact]
    public async Task Team_and_guideline_changes_are_decided_again_and_stored_once()
    {
        var annotator = Guid.NewGuid();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Race: project"));
        await RaceAsync<SetProjectTeamHandler>(project, h => h.HandleAsync(new SetProjectTeam(project, [new ProjectMember(annotator, ProjectRole.Annotator)], Guid.Empty), CancellationToken.None));
        var added = await RaceAsync<GuidelineExamplesHandler>(project, h => h.HandleAsync(new AddGuidelineExample(project, "blob-key", "image/png", "A liver", Guid.Empty), CancellationToken.None));
        await RaceAsync<GuidelineExamplesHandler>(project, h => h.HandleAsync(new RemoveGuidelineExample(project, added.Id, Guid.Empty), CancellationToken.None));
        var events = await StreamAsync(project);
        Assert.Single(events.OfType<ProjectMemberAdded>());
        Assert.Single(events.OfType<GuidelineExampleAdded>());
        Assert.Single(events.OfType<GuidelineExampleRemoved>());
        Assert.Equal(3, events.OfType<ProjectDescribed>().Count(d => d.Description == OtherWriter.Mark));
    }

    /// <summary>The portal with <see cref="OtherWriter"/> listening to every commit.</summary>
    public sealed class InterferingPortal : ListeningPortal<OtherWriter>
    {
        public OtherWriter Writer => Listener;
    }

    /// <summary>
    /// Just before a commit to a stream it was told about, another session appends to that stream
    /// and commits first (once): an assignment of nobody to an item, a description to a project.
    /// </summary>
    public sealed class OtherWriter : DocumentSessionListenerBase
    {
        public const string Mark = "changed by another writer meanwhile";

        private readonly ConcurrentDictionary<Guid, bool> _pending = new();
        private readonly ConcurrentDictionary<Guid, bool> _done = new();
        private readonly ConcurrentDictionary<Guid, int> _commits = new();

        public void InterfereOnce(Guid stream)
        {
            _pending[stream] = true;
            _done.TryRemove(stream, out _);
            _commits[stream] = 0;
        }

        public bool Interfered(Guid stream) => _done.ContainsKey(stream);

        public int Commits(Guid stream) => _commits.GetValueOrDefault(stream);

        public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            foreach (var stream in session.PendingChanges.Streams().Select(s => s.Id))
            {
                _commits.AddOrUpdate(stream, 1, (_, n) => n + 1);
                if (!_pending.TryRemove(stream, out _))
                {
                    continue;
                }
                await using var other = session.DocumentStore.LightweightSession();
                object e = await other.LoadAsync<ItemView>(stream, token) is not null
                    ? new ItemAssigned(stream, Guid.NewGuid(), DateTimeOffset.UtcNow)
                    : new ProjectDescribed(stream, Mark, Guid.Empty, DateTimeOffset.UtcNow);
                other.Events.Append(stream, e);
                await other.SaveChangesAsync(token);
                _done[stream] = true;
            }
        }
    }
}
