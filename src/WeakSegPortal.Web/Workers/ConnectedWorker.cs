using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Workers;

/// <summary>
/// A worker connected to a worker hub (this node's, or another node's when <see cref="Node"/> is set): its connection,
/// what it announced, and its free job slots as this node counts them.
/// </summary>
public sealed class ConnectedWorker(string connectionId, WorkerAnnouncement announcement) : IDisposable
{
    private readonly CancellationTokenSource _gone = new();
    private int _inFlight;

    public string ConnectionId { get; } = connectionId;

    public WorkerAnnouncement Announcement { get; } = announcement;

    /// <summary>At most the worker's announced concurrency of jobs at a time; the rest wait for a slot.</summary>
    public SemaphoreSlim Slots { get; } = new(Math.Max(1, announcement.MaxConcurrency));

    public string Name => Announcement.Name;

    /// <summary>The node holding the connection when it is another node; null for this node's own workers.</summary>
    public string? Node { get; init; }

    /// <summary>The entry another node shared for it, to tell an unchanged worker from a new announcement.</summary>
    internal string? SharedJson { get; init; }

    public int InFlight => Volatile.Read(ref _inFlight);

    public bool Offers(string engine) => Announcement.Engines.Any(e => string.Equals(e.Name, engine, StringComparison.Ordinal));

    public EngineOffer? Offer(string engine) => Announcement.Engines.FirstOrDefault(e => string.Equals(e.Name, engine, StringComparison.Ordinal));

    /// <summary>
    /// Cancelled when the worker leaves this node's view: its connection closed here, or its node's entry went from Redis
    /// (that node died or Redis is down), so a job waiting on it is retried now instead of at the job timeout.
    /// </summary>
    public CancellationToken Gone => _gone.Token;

    internal void Depart() => _gone.Cancel();

    public void Started() => Interlocked.Increment(ref _inFlight);

    public void Finished() => Interlocked.Decrement(ref _inFlight);

    public void Dispose()
    {
        Slots.Dispose();
        _gone.Dispose();
    }
}
