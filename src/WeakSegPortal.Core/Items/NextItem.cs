using Marten;
using WeakSegPortal.Core.Items.Sampling;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Items;

/// <summary>An annotator asks for the next item of a project.</summary>
public sealed record NextItem(Guid ProjectId, Guid AnnotatorId);

/// <summary>
/// The work queue. An open item is resumed first (one QA returned before any other). Otherwise, at the project's gold rate, a gold item
/// the annotator has not had (gold items are outside the overlap limit and carry no mark); else, among the items still below
/// the project's overlap that this annotator never had, the one the project's sampling strategy picks
/// (<see cref="SamplingStrategies"/>: sequential, the least-covered first, by default). The
/// assignment is an event on the item's stream, appended at the version read, so two annotators
/// racing for the last slot cannot both get it. Before gold and regular items, a hidden repeat when one is due
/// (<see cref="QueueRules.RepeatDue"/>): a new item of its own (<see cref="ItemRepeated"/>), assigned to this annotator alone.
/// </summary>
public sealed class NextItemHandler(IDocumentSession session, TimeProvider clock, GoldDraw gold)
{
    public async Task<ItemView?> HandleAsync(NextItem command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var project = await session.LoadAsync<ProjectSummary>(command.ProjectId, ct);
        if (project is null || !ProjectAccess.CanAnnotate(project, command.AnnotatorId))
        {
            return null;
        }
        var goldRate = (await session.Events.AggregateStreamAsync<Project>(project.Id, token: ct))?.GoldRate ?? 0;
        // Two annotators racing for the last slot: the loser's append fails and it looks again.
        return await ConcurrentAppend.RetryAsync(session, (attempt, token) => AssignAsync(attempt, project, command.AnnotatorId, goldRate, token), () => null, ct);
    }

    private async Task<ItemView?> AssignAsync(IDocumentSession session, ProjectSummary project, Guid annotator, double goldRate, CancellationToken ct)
    {
        var items = await session.Query<ItemView>().Where(i => i.ProjectId == project.Id).ToListAsync(ct);
        // An item QA returned comes before one merely left open, so the annotator sees the comment at once.
        var open = items.Where(i => i.IsOpenFor(annotator))
            .OrderByDescending(i => i.ReturnCommentFor(annotator) is not null)
            .ThenBy(i => i.RegisteredAt)
            .FirstOrDefault();
        if (open is not null)
        {
            return open;
        }
        if (QueueRules.RepeatDue(items, annotator, project.RepeatShare) is { } original)
        {
            return await RepeatAsync(session, project, original, annotator, ct);
        }
        if (await ChooseAsync(session, items, project, annotator, goldRate, ct) is not { } pick)
        {
            return null;
        }
        var stream = await session.Events.FetchForWriting<ItemView>(pick.Id, ct);
        stream.AppendOne(new ItemAssigned(pick.Id, annotator, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return await session.LoadAsync<ItemView>(pick.Id, ct);
    }

    private async Task<ItemView?> RepeatAsync(IDocumentSession session, ProjectSummary project, ItemView original, Guid annotator, CancellationToken ct)
    {
        var id = RepeatIds.For(original.Id, annotator);
        // A pseudonym of its own: the first pass's name would tell the annotator that this is a repeat.
        var name = await ItemPseudonym.NextAsync(session, project, 0, ct);
        var now = clock.GetUtcNow();
        // Fetched for writing although new: a second request making the same repeat collides at version 0 and looks again.
        var stream = await session.Events.FetchForWriting<ItemView>(id, ct);
        stream.AppendMany(
            new ItemRepeated(id, original.Id, original.ProjectId, annotator, original.ImportId, name, original.Modality,
                original.Geometry, original.VolumeKey, original.ContentHash, now),
            new ItemAssigned(id, annotator, now));
        await session.SaveChangesAsync(ct);
        return await session.LoadAsync<ItemView>(id, ct);
    }

    private async Task<ItemView?> ChooseAsync(IDocumentSession session, IReadOnlyList<ItemView> items, ProjectSummary project, Guid annotator, double goldRate, CancellationToken ct)
    {
        var goldItems = items.Where(i => i.IsGold && !i.AssignedTo.Contains(annotator)).ToList();
        if (goldItems.Count > 0 && gold.Draw(goldRate))
        {
            return goldItems[gold.Index(goldItems.Count)];
        }
        var available = items.Where(i => QueueRules.IsAvailableTo(i, annotator, project.AnnotatorsPerItem)).ToList();
        if (available.Count == 0)
        {
            return null;
        }
        var strategy = SamplingStrategies.For(project.SamplingStrategy);
        return await strategy.PickAsync(new SamplingContext(session, project.Id, annotator, gold), available, ct);
    }
}
