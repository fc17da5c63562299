namespace WeakSegPortal.Worker;

/// <summary>The wait before the next connection attempt: Worker:ReconnectDelay doubled per failure in a row, up to Worker:MaxReconnectDelay, ±20 % jitter so that workers restarted together do not knock together.</summary>
public static class ReconnectBackoff
{
    public static TimeSpan Delay(int failuresInARow, TimeSpan first, TimeSpan max)
    {
        var doubled = first.TotalMilliseconds * Math.Pow(2, Math.Clamp(failuresInARow - 1, 0, 30));
        var capped = Math.Min(doubled, max.TotalMilliseconds);
        var jitter = 0.8 + (0.4 * Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}
