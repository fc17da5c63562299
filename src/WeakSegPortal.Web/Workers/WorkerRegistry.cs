using System.Collections.Concurrent;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Workers;

/// <summary>
/// The workers connected to this node, by connection. Per node by design: a job is sent to a connection through
/// the hub's clients (a backplane carries it to whichever node holds it), so nothing here assumes one node.
/// </summary>
public sealed class WorkerRegistry
{
    private readonly ConcurrentDictionary<string, ConnectedWorker> _workers = new(StringComparer.Ordinal);

    /// <summary>Raised when a worker's connection ends: what it had cached is gone with it.</summary>
    public event Action<ConnectedWorker>? Departed;

    public IReadOnlyList<ConnectedWorker> All => [.. _workers.Values.OrderBy(w => w.Name, StringComparer.Ordinal)];

    public IReadOnlyList<ConnectedWorker> Offering(string engine) => [.. _workers.Values.Where(w => w.Offers(engine))];

    /// <summary>Workers that announced <c>Trains: true</c> (they claim training jobs).</summary>
    public IReadOnlyList<ConnectedWorker> Trainers => [.. _workers.Values.Where(w => w.Announcement.Trains)];

    /// <summary>The worker announced on this connection, if it announced.</summary>
    public ConnectedWorker? On(string connectionId) => _workers.GetValueOrDefault(connectionId);

    public bool IsConnected(ConnectedWorker worker) => _workers.TryGetValue(worker.ConnectionId, out var held) && ReferenceEquals(held, worker);

    /// <summary>A worker (re)announced itself: a later announcement on the same connection replaces the earlier.</summary>
    public ConnectedWorker Announce(string connectionId, WorkerAnnouncement announcement)
    {
        var worker = new ConnectedWorker(connectionId, announcement);
        _workers.AddOrUpdate(connectionId, worker, (_, _) => worker);
        return worker;
    }

    public void Remove(string connectionId)
    {
        if (_workers.TryRemove(connectionId, out var worker))
        {
            Departed?.Invoke(worker);
        }
    }
}
