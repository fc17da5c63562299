namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// Backoff of the simulated browser. The defaults are the workspace's own (hub-client.js: reconnect
/// after 0.5 s, 1 s, 2 s … 30 s ±20 %; outbox.js: resend after 1 s, 2 s, 4 s … 30 s); a test may cap them lower.
/// </summary>
public sealed record OutboxTiming(TimeSpan ReconnectFirst, TimeSpan ReconnectCap, TimeSpan ResendFirst, TimeSpan ResendCap)
{
    public static OutboxTiming Browser { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    public TimeSpan Reconnect(int attempt, Random random) => Jitter(Grow(ReconnectFirst, ReconnectCap, attempt), random);

    public TimeSpan Resend(int failures) => Grow(ResendFirst, ResendCap, failures);

    private static TimeSpan Grow(TimeSpan first, TimeSpan cap, int n) =>
        TimeSpan.FromMilliseconds(Math.Min(cap.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Min(n, 16))));

    private static TimeSpan Jitter(TimeSpan t, Random random) => t * (0.8 + (0.4 * random.NextDouble()));
}
