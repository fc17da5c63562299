using System.Collections.Concurrent;

namespace WeakSegPortal.Web.Account;

/// <summary>
/// Failure times per key in a sliding window, with a bounded number of keys: expired keys are
/// swept out at least once per window, and past <c>maxKeys</c> the longest-quiet keys go too, so a
/// flood of distinct keys costs memory in proportion to the bound, not to the flood.
/// </summary>
internal sealed class FailureWindows(int maxFailures, TimeSpan window, int maxKeys, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _sweeping = new();
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public int Count => _failures.Count;

    /// <summary>How long the key must wait before trying again; zero when a try is allowed.</summary>
    public TimeSpan RetryAfter(string key)
    {
        if (!_failures.TryGetValue(key, out var failures))
        {
            return TimeSpan.Zero;
        }
        lock (failures)
        {
            var now = clock.GetUtcNow();
            Prune(failures, now);
            return failures.Count < maxFailures ? TimeSpan.Zero : failures.Peek() + window - now;
        }
    }

    public void RecordFailure(string key)
    {
        var now = clock.GetUtcNow();
        var failures = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Prune(failures, now);
            failures.Enqueue(now);
            // Only the last maxFailures times decide; older ones would only cost memory.
            while (failures.Count > maxFailures)
            {
                failures.Dequeue();
            }
        }
        if (_failures.Count > maxKeys || now - _lastSweep >= window)
        {
            Sweep(now);
        }
    }

    public void Forget(string key) => _failures.TryRemove(key, out _);

    private void Sweep(DateTimeOffset now)
    {
        lock (_sweeping)
        {
            _lastSweep = now;
            var quiet = new List<(string Key, DateTimeOffset Last)>();
            foreach (var (key, failures) in _failures)
            {
                lock (failures)
                {
                    Prune(failures, now);
                    if (failures.Count == 0)
                    {
                        _failures.TryRemove(KeyValuePair.Create(key, failures));
                    }
                    else
                    {
                        quiet.Add((key, failures.Last()));
                    }
                }
            }
            var excess = _failures.Count - maxKeys;
            if (excess > 0)
            {
                // Down to nine tenths of the bound, so that a flood does not sweep on every failure.
                foreach (var (key, _) in quiet.OrderBy(q => q.Last).Take(excess + maxKeys / 10))
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    private void Prune(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + window <= now)
        {
            failures.Dequeue();
        }
    }
}
