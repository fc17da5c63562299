using Marten;
using WeakSegPortal.Core.Items;

namespace WeakSegPortal.Core.Qa;

/// <summary>A QA lead sends an item back to one annotator with a comment; it reopens in their queue.</summary>
public sealed record ReturnItem(Guid ItemId, Guid AnnotatorId, string Comment, Guid By, bool ByManager);

public sealed class ReturnItemHandler(IDocumentSession session, TimeProvider clock)
{
    public const int MaxCommentLength = 2000;

    public Task<CommandResult> HandleAsync(ReturnItem command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token), ct);
    }

    private async Task<CommandResult> DecideAsync(IDocumentSession session, ReturnItem command, CancellationToken ct)
    {
        var comment = command.Comment?.Trim() ?? "";
        if (comment.Length is 0 or > MaxCommentLength)
        {
            return CommandResult.Refused(nameof(command.Comment), $"Say in 1 to {MaxCommentLength} characters what the annotator should look at.");
        }
        var (item, refusal) = await ReviewedItem.LoadAsync(session, command.ItemId, command.By, command.ByManager, ct);
        if (item is null)
        {
            return CommandResult.Refused("", refusal!);
        }
        if (!item.AssignedTo.Contains(command.AnnotatorId))
        {
            return CommandResult.Refused(nameof(command.AnnotatorId), "That person never had this item.");
        }
        var stream = await session.Events.FetchForWriting<ItemView>(item.Id, ct);
        stream.AppendOne(new ItemReturned(item.Id, command.AnnotatorId, comment, command.By, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return CommandResult.Ok(item.Id);
    }
}
