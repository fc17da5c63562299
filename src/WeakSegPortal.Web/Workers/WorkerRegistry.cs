using System.Collections.Concurrent;
using System.Text.Json;
using WeakSegPortal.ML.Jobs;
using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.Web.Cluster;
using WeakSegPortal.Web.Hubs;

namespace WeakSegPortal.Web.Workers;

/// <summary>
/// The workers connected to any node: this node's by connection, and the other nodes' as they share them through
/// Redis (<see cref="ClusterHeartbeat"/>; their entries expire when their node dies). A job is sent to a connection
/// through the hub's clients, and SignalR's backplane carries it to whichever node holds it, so this node shares a
/// worker only once the backplane reaches its connection (<see cref="IBackplaneMembership"/>). Without Redis, this
/// node's own workers only.
/// </summary>
public sealed class WorkerRegistry : ISharedNodeState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, ConnectedWorker> _workers = new(StringComparer.Ordinal);
    private volatile IReadOnlyDictionary<string, ConnectedWorker> _elsewhere = new Dictionary<string, ConnectedWorker>();
    private readonly Lock _merge = new();
    private readonly IBackplaneMembership? _backplane;

    /// <summary>A registry for one node alone (no backplane to wait for).</summary>
    public WorkerRegistry()
    {
    }

    /// <summary>A registry that shares a worker with the other nodes once the worker hub's backplane reaches it.</summary>
    public WorkerRegistry(HubLifetimeManager<WorkerHub> hubs)
    {
        _backplane = hubs as IBackplaneMembership;
        if (_backplane is not null)
        {
            _backplane.JoinedLate += connectionId =>
            {
                if (_workers.ContainsKey(connectionId))
                {
                    LocalChanged?.Invoke();
                }
            };
        }
    }

    /// <summary>Raised when a worker's connection ends (here, or its node's entry went): what it had cached is gone with it.</summary>
    public event Action<ConnectedWorker>? Departed;

    /// <inheritdoc />
    public event Action? LocalChanged;

    public string Table => "workers";

    public IReadOnlyList<ConnectedWorker> All => [.. Everyone.OrderBy(w => w.Name, StringComparer.Ordinal)];

    public IReadOnlyList<ConnectedWorker> Offering(string engine) => [.. Everyone.Where(w => w.Offers(engine))];

    public bool IsConnected(ConnectedWorker worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        return (_workers.TryGetValue(worker.ConnectionId, out var held) || _elsewhere.TryGetValue(worker.ConnectionId, out held)) && ReferenceEquals(held, worker);
    }

    /// <summary>Workers on any node that announced <c>Trains: true</c> (they claim training jobs).</summary>
    public IReadOnlyList<ConnectedWorker> Trainers => [.. Everyone.Where(w => w.Announcement.Trains)];

    /// <summary>The worker announced on this node's connection, if it announced.</summary>
    public ConnectedWorker? On(string connectionId) => _workers.GetValueOrDefault(connectionId);

    /// <summary>A worker (re)announced itself: a later announcement on the same connection replaces the earlier.</summary>
    public ConnectedWorker Announce(string connectionId, WorkerAnnouncement announcement)
    {
        var worker = new ConnectedWorker(connectionId, announcement);
        _workers.AddOrUpdate(connectionId, worker, (_, _) => worker);
        LocalChanged?.Invoke();
        return worker;
    }

    public void Remove(string connectionId)
    {
        if (_workers.TryRemove(connectionId, out var worker))
        {
            LocalChanged?.Invoke();
            worker.Depart();
            Departed?.Invoke(worker);
        }
    }

    /// <summary>This node's workers that the other nodes can reach (all of them, unless a backplane join is still pending).</summary>
    public IReadOnlyDictionary<string, string> LocalEntries() =>
        _workers.Where(w => _backplane?.Reaches(w.Key) ?? true).ToDictionary(w => w.Key, w => JsonSerializer.Serialize(w.Value.Announcement, Json), StringComparer.Ordinal);

    /// <summary>The other nodes' workers; one whose entry is unchanged keeps its object (and its job slots on this node).</summary>
    public void OthersAre(IReadOnlyList<NodeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        List<ConnectedWorker> gone;
        lock (_merge)
        {
            var before = _elsewhere;
            var now = new Dictionary<string, ConnectedWorker>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                now[entry.Key] = before.TryGetValue(entry.Key, out var known) && known.SharedJson == entry.Json
                    ? known
                    : new ConnectedWorker(entry.Key, JsonSerializer.Deserialize<WorkerAnnouncement>(entry.Json, Json)!) { Node = entry.Node, SharedJson = entry.Json };
            }
            _elsewhere = now;
            gone = [.. before.Values.Where(w => !now.TryGetValue(w.ConnectionId, out var still) || !ReferenceEquals(still, w))];
        }
        foreach (var worker in gone)
        {
            worker.Depart();
            Departed?.Invoke(worker);
        }
    }

    private IEnumerable<ConnectedWorker> Everyone => _workers.Values.Concat(_elsewhere.Values.Where(w => !_workers.ContainsKey(w.ConnectionId)));
}
