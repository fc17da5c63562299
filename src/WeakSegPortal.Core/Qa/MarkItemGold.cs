using Marten;
using WeakSegPortal.Core.Items;

namespace WeakSegPortal.Core.Qa;

/// <summary>A QA lead makes an item a gold item; its adjudicated labels become the known answer.</summary>
public sealed record MarkItemGold(Guid ItemId, Guid By, bool ByManager);

public sealed class MarkItemGoldHandler(IDocumentSession session, TimeProvider clock)
{
    public Task<CommandResult> HandleAsync(MarkItemGold command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token), ct);
    }

    private async Task<CommandResult> DecideAsync(IDocumentSession session, MarkItemGold command, CancellationToken ct)
    {
        var (item, refusal) = await ReviewedItem.LoadAsync(session, command.ItemId, command.By, command.ByManager, ct);
        if (item is null)
        {
            return CommandResult.Refused("", refusal!);
        }
        if (!item.IsGold)
        {
            var stream = await session.Events.FetchForWriting<ItemView>(item.Id, ct);
            stream.AppendOne(new ItemMarkedGold(item.Id, command.By, clock.GetUtcNow()));
            await session.SaveChangesAsync(ct);
        }
        return CommandResult.Ok(item.Id);
    }
}
