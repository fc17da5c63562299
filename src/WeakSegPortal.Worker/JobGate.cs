using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WeakSegPortal.Worker;

/// <summary>
/// Admits jobs: at most Worker:MaxConcurrency engine runs at once (an embedding job takes a slot per slice, so a click
/// can slip between the slices of a long precompute), a ticket per job so that each can be cancelled on its own, and
/// every running job cancelled when the connection it came on closes (its answer could not be delivered).
/// </summary>
public sealed class JobGate : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<Guid, JobTicket> _running = new();
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _stopping;
    private CancellationTokenSource _connection = new();

    public JobGate(IOptions<WorkerOptions> options, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lifetime);
        _slots = new SemaphoreSlim(options.Value.MaxConcurrency, options.Value.MaxConcurrency);
        _timeout = options.Value.JobTimeout;
        _stopping = lifetime.ApplicationStopping;
    }

    public int Running => _running.Count;

    public JobTicket Begin(Guid jobId)
    {
        JobTicket? ticket = null;
        ticket = new JobTicket(_timeout, () => _running.TryRemove(new KeyValuePair<Guid, JobTicket>(jobId, ticket!)), Volatile.Read(ref _connection).Token, _stopping);
        _running[jobId] = ticket;
        return ticket;
    }

    /// <summary>Waits for a free slot; dispose the result to give it back.</summary>
    public async Task<IDisposable> SlotAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    /// <summary>The portal's CancelJob: false when no such job is running here.</summary>
    public bool Cancel(Guid jobId)
    {
        if (!_running.TryGetValue(jobId, out var ticket))
        {
            return false;
        }

        ticket.Cancel();
        return true;
    }

    /// <summary>The connection closed: every job that came on it is stopped; later jobs belong to the next connection.</summary>
    public void ConnectionClosed()
    {
        // Not disposed: a job starting right now may still link to it; cancelled, it holds nothing.
        Interlocked.Exchange(ref _connection, new CancellationTokenSource()).Cancel();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _slots.Dispose();
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
