using System.Collections.Concurrent;
using System.Text.Json;
using WeakSegPortal.Web.Cluster;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// Which annotator is on which item, per connection, on this node and (through Redis, <see cref="ClusterHeartbeat"/>)
/// on the others; hands out change notifications to Blazor pages (QA and managers) as disposable subscriptions.
/// </summary>
public sealed class PresenceTracker(TimeProvider clock) : ISharedNodeState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, AnnotatorPresence> _connections = new();
    private volatile IReadOnlyList<AnnotatorPresence> _elsewhere = [];
    private event Action? Changed;

    /// <inheritdoc />
    public event Action? LocalChanged;

    public string Table => "presence";

    public IReadOnlyList<AnnotatorPresence> Current =>
        [.. _connections.Values.Concat(_elsewhere).GroupBy(p => (p.UserId, p.ItemId)).Select(g => g.MaxBy(p => p.Since)!).OrderBy(p => p.DisplayName)];

    public void Focus(string connectionId, Guid userId, string displayName, Guid itemId, Guid projectId)
    {
        _connections[connectionId] = new AnnotatorPresence(userId, displayName, itemId, projectId, clock.GetUtcNow());
        Raise();
    }

    public void Leave(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out _))
        {
            Raise();
        }
    }

    public IDisposable Subscribe(Action onChange)
    {
        Changed += onChange;
        return new Subscription(() => Changed -= onChange);
    }

    public IReadOnlyDictionary<string, string> LocalEntries() =>
        _connections.ToDictionary(c => c.Key, c => JsonSerializer.Serialize(c.Value, Json), StringComparer.Ordinal);

    public void OthersAre(IReadOnlyList<NodeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var now = entries.Select(e => JsonSerializer.Deserialize<AnnotatorPresence>(e.Json, Json)!).ToList();
        var before = _elsewhere;
        _elsewhere = now;
        if (!before.SequenceEqual(now))
        {
            Changed?.Invoke();
        }
    }

    private void Raise()
    {
        LocalChanged?.Invoke();
        Changed?.Invoke();
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}

/// <summary>One annotator on one item (of one project) since a moment.</summary>
public sealed record AnnotatorPresence(Guid UserId, string DisplayName, Guid ItemId, Guid ProjectId, DateTimeOffset Since);
