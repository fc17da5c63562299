using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Account;

/// <summary>
/// Counts failed sign-ins per user name and client address in a sliding window; past the limit,
/// even a correct password is refused until the window has passed, so guessing stays slow.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    /// <summary>How long the caller must wait before trying again; zero when a try is allowed.</summary>
    public TimeSpan RetryAfter(string userName, string address)
    {
        var failures = _failures.GetOrAdd(Key(userName, address), _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            var now = clock.GetUtcNow();
            Prune(failures, now);
            return failures.Count < options.Value.MaxFailures
                ? TimeSpan.Zero
                : failures.Peek() + options.Value.Window - now;
        }
    }

    public void RecordFailure(string userName, string address)
    {
        var failures = _failures.GetOrAdd(Key(userName, address), _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            failures.Enqueue(clock.GetUtcNow());
        }
    }

    public void RecordSuccess(string userName, string address) => _failures.TryRemove(Key(userName, address), out _);

    private void Prune(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + options.Value.Window <= now)
        {
            failures.Dequeue();
        }
    }

    private static string Key(string userName, string address) => $"{UserAccount.Normalize(userName)}|{address}";
}
