using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;

namespace WeakSegPortal.Core.Qa;

/// <summary>
/// A QA lead settles an item: accept the consensus or one annotator's labels, after striking out any
/// single annotations (the edit), and optionally make it a gold item in the same step.
/// </summary>
public sealed record AdjudicateItem(Guid ItemId, string Basis, Guid? ChosenAnnotatorId, IReadOnlyCollection<Guid> RemovedAnnotationIds, bool MarkGold, Guid By, bool ByManager);

public sealed class AdjudicateItemHandler(IDocumentSession session, TimeProvider clock)
{
    public Task<CommandResult> HandleAsync(AdjudicateItem command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token), ct);
    }

    private async Task<CommandResult> DecideAsync(IDocumentSession session, AdjudicateItem command, CancellationToken ct)
    {
        var (item, refusal) = await ReviewedItem.LoadAsync(session, command.ItemId, command.By, command.ByManager, ct);
        if (item is null)
        {
            return CommandResult.Refused("", refusal!);
        }
        if (command.Basis is not (AdjudicationBasis.Consensus or AdjudicationBasis.Annotator))
        {
            return CommandResult.Refused(nameof(command.Basis), "Accept either the consensus or one annotator's labels.");
        }
        var labels = await AnnotationRecords.OfItemsAsync(session, [item.Id], ct);
        if (command.Basis == AdjudicationBasis.Annotator)
        {
            if (command.ChosenAnnotatorId is not { } chosen || !labels.Any(l => l.AnnotatorId == chosen))
            {
                return CommandResult.Refused(nameof(command.ChosenAnnotatorId), "Pick an annotator who labelled this item.");
            }
            labels = [.. labels.Where(l => l.AnnotatorId == command.ChosenAnnotatorId)];
        }
        var removed = command.RemovedAnnotationIds.ToHashSet();
        var kept = labels
            .Select(l => new AdjudicatedLabels(l.AnnotatorId, [.. l.Annotations.Where(a => !removed.Contains(a.AnnotationId))]))
            .Where(l => l.Annotations.Count > 0)
            .OrderBy(l => l.AnnotatorId)
            .ToList();
        if (kept.Count == 0)
        {
            return CommandResult.Refused("", "No annotation is left to accept.");
        }
        var at = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<ItemView>(item.Id, ct);
        stream.AppendOne(new ItemAdjudicated(item.Id, command.Basis, command.Basis == AdjudicationBasis.Annotator ? command.ChosenAnnotatorId : null,
            kept, [.. removed.Order()], command.By, at));
        if (command.MarkGold && !item.IsGold)
        {
            stream.AppendOne(new ItemMarkedGold(item.Id, command.By, at));
        }
        await session.SaveChangesAsync(ct);
        return CommandResult.Ok(item.Id);
    }
}
