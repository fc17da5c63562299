using Marten;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Training;

namespace WeakSegPortal.Core.Items;

/// <summary>An annotator finishes an item: submits it, or skips it with a reason.</summary>
/// <param name="SkipReason">Null to submit; the reason to skip.</param>
public sealed record FinishItem(Guid ItemId, Guid AnnotatorId, long ActiveMilliseconds, string? SkipReason = null);

public sealed class FinishItemHandler(IDocumentSession session, TimeProvider clock, AutoTraining autoTraining)
{
    public const int MaxReasonLength = 500;

    public Task<CommandResult> HandleAsync(FinishItem command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return FinishAsync(command, ct);
    }

    private async Task<CommandResult> FinishAsync(FinishItem command, CancellationToken ct)
    {
        var result = await ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token), ct);
        if (result.Succeeded && command.SkipReason is null && await session.LoadAsync<ItemView>(command.ItemId, ct) is { } item)
        {
            await autoTraining.AfterSubmissionAsync(item.ProjectId, ct);
        }
        return result;
    }

    private async Task<CommandResult> DecideAsync(IDocumentSession session, FinishItem command, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<ItemView>(command.ItemId, ct);
        if (stream.Aggregate is not { } item || !item.IsOpenFor(command.AnnotatorId)
            // Taken off the team since the item was assigned: the assignment no longer counts.
            || await session.LoadAsync<ProjectSummary>(item.ProjectId, ct) is not { } project || !ProjectAccess.CanAnnotate(project, command.AnnotatorId))
        {
            return CommandResult.Refused("", "This item is not open for you (already submitted, skipped, never assigned, or you are no longer on its team).");
        }
        var activeMs = Math.Max(0, command.ActiveMilliseconds);
        if (command.SkipReason is { } reason)
        {
            reason = reason.Trim();
            if (reason.Length is 0 or > MaxReasonLength)
            {
                return CommandResult.Refused(nameof(FinishItem.SkipReason), $"Say why you skip the item (at most {MaxReasonLength} characters).");
            }
            stream.AppendOne(new ItemSkipped(item.Id, command.AnnotatorId, reason, activeMs, clock.GetUtcNow()));
        }
        else
        {
            stream.AppendOne(new ItemSubmitted(item.Id, command.AnnotatorId, activeMs, clock.GetUtcNow()));
        }
        await session.SaveChangesAsync(ct);
        return CommandResult.Ok(item.Id);
    }
}
