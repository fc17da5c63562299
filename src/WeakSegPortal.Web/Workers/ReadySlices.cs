using System.Collections.Concurrent;

namespace WeakSegPortal.Web.Workers;

/// <summary>
/// Which slices have their image embedding cached, per (engine, item, orientation), and on which worker: when a
/// worker leaves, its slices are no longer ready. Classical engines need no embedding (every slice is ready).
/// </summary>
public sealed class ReadySlices
{
    private readonly ConcurrentDictionary<(string Engine, Guid Item, string Orientation), ConcurrentDictionary<int, string>> _ready = new();

    public ReadySlices(WorkerRegistry workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        workers.Departed += Forget;
    }

    public IReadOnlyList<int> For(string engine, Guid item, string orientation) =>
        _ready.TryGetValue((engine, item, orientation), out var slices) ? [.. slices.Keys.Order()] : [];

    public void Add(string engine, Guid item, string orientation, IEnumerable<int> slices, string workerId)
    {
        var held = _ready.GetOrAdd((engine, item, orientation), _ => new ConcurrentDictionary<int, string>());
        foreach (var slice in slices)
        {
            held[slice] = workerId;
        }
    }

    private void Forget(ConnectedWorker worker)
    {
        foreach (var slices in _ready.Values)
        {
            foreach (var (slice, _) in slices.Where(s => s.Value == worker.Announcement.WorkerId))
            {
                slices.TryRemove(slice, out _);
            }
        }
    }
}
