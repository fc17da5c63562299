using System.Diagnostics;

namespace WeakSegPortal.Worker;

/// <summary>When a training run renews its lease inside a long epoch: after a third of the lease it was last given has passed.</summary>
public sealed class LeaseClock
{
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private TimeSpan _renewEvery;

    public LeaseClock(DateTimeOffset leaseUntil) => Renewed(leaseUntil);

    public bool RenewDue => _since.Elapsed >= _renewEvery;

    public void Renewed(DateTimeOffset leaseUntil)
    {
        var lease = leaseUntil - DateTimeOffset.UtcNow;
        _renewEvery = TimeSpan.FromTicks(Math.Max(0, lease.Ticks / 3));
        _since.Restart();
    }
}
