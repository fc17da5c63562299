namespace WeakSegPortal.Web.Tests.Training;

/// <summary>The system clock, moved ahead by what the test adds (timestamps and timers stay real): a lease passes without waiting.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _aheadTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _aheadTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _aheadTicks, by.Ticks);
}
