using JasperFx.Events.Projections;
using Marten;

namespace WeakSegPortal.Core.Qa;

/// <summary>How far the event store is known to be committed without gaps: the async daemon's high water mark.</summary>
public static class CommittedEvents
{
    /// <summary>
    /// The high water mark the async daemon last stored: every event with a sequence number up to it was committed (or
    /// rolled back for good), so a read started after this one sees all of them. 0 before the daemon stored one.
    /// </summary>
    public static async Task<long> ThroughAsync(IDocumentStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        return progress.FirstOrDefault(p => p.ShardName == ShardState.HighWaterMark)?.Sequence ?? 0;
    }
}
