using System.Collections.Concurrent;
using System.Security.Claims;
using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Slices;

/// <summary>
/// <see cref="ItemAccess"/>'s yes, remembered per user and item for <see cref="SessionValidator.RecheckAfter"/>: a workspace
/// fetches dozens of slices of one item a second, and two store reads per slice cost more than the slice (README, "Slices").
/// A refusal is never remembered (a new team member gets in at once); a removed member keeps reading the item's pixels for at
/// most that long, as a changed account keeps its cookie's access that long.
/// </summary>
public sealed class ItemAccessCache(IDocumentStore store, TimeProvider clock)
{
    /// <summary>Decisions remembered at most; past that, those older than the recheck time go.</summary>
    private const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<(Guid User, bool Manager, Guid Item), (ItemView Item, DateTimeOffset At)> _allowed = new();

    public async ValueTask<(ItemView? Item, IResult? Refusal)> LoadAsync(Guid itemId, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = (user.UserId(), user.IsManager(), itemId);
        var now = clock.GetUtcNow();
        if (_allowed.TryGetValue(key, out var known) && now - known.At < SessionValidator.RecheckAfter)
        {
            return (known.Item, null);
        }
        await using var session = store.QuerySession();
        var (item, refusal) = await ItemAccess.LoadAsync(session, itemId, user, ct);
        if (item is not null)
        {
            Remember(key, item, now);
        }
        else
        {
            _allowed.TryRemove(key, out _);
        }
        return (item, refusal);
    }

    private void Remember((Guid, bool, Guid) key, ItemView item, DateTimeOffset now)
    {
        if (_allowed.Count >= MaxRemembered)
        {
            foreach (var (old, entry) in _allowed)
            {
                if (now - entry.At >= SessionValidator.RecheckAfter)
                {
                    _allowed.TryRemove(old, out _);
                }
            }
        }
        _allowed[key] = (item, now);
    }
}
