using System.Collections.Concurrent;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// Which annotator is on which item, per connection; hands out change notifications to Blazor
/// pages (QA and managers) as disposable subscriptions.
/// </summary>
public sealed class PresenceTracker(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, AnnotatorPresence> _connections = new();
    private event Action? Changed;

    public IReadOnlyList<AnnotatorPresence> Current =>
        [.. _connections.Values.GroupBy(p => (p.UserId, p.ItemId)).Select(g => g.MaxBy(p => p.Since)!).OrderBy(p => p.DisplayName)];

    public void Focus(string connectionId, Guid userId, string displayName, Guid itemId, Guid projectId)
    {
        _connections[connectionId] = new AnnotatorPresence(userId, displayName, itemId, projectId, clock.GetUtcNow());
        Changed?.Invoke();
    }

    public void Leave(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out _))
        {
            Changed?.Invoke();
        }
    }

    public IDisposable Subscribe(Action onChange)
    {
        Changed += onChange;
        return new Subscription(() => Changed -= onChange);
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}

/// <summary>One annotator on one item (of one project) since a moment.</summary>
public sealed record AnnotatorPresence(Guid UserId, string DisplayName, Guid ItemId, Guid ProjectId, DateTimeOffset Since);
