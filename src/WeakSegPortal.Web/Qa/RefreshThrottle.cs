namespace WeakSegPortal.Web.Qa;

/// <summary>
/// Folds a burst of change notices into at most one page refresh per interval, always on the trailing
/// edge, so the last change is never lost. At crowd scale the daemon reports every ~100 ms; a QA page
/// re-reading its list that often would load the database for nothing.
/// </summary>
public sealed class RefreshThrottle(TimeSpan interval, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private bool _scheduled;
    private long _lastRun;

    public RefreshThrottle(TimeSpan interval)
        : this(interval, TimeProvider.System)
    {
    }

    /// <summary>Asks for a refresh; returns at once. Refreshes stop when <paramref name="ct"/> is cancelled.</summary>
    public void Request(Func<Task> refresh, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        lock (_gate)
        {
            if (_scheduled)
            {
                return;
            }
            _scheduled = true;
        }
        _ = RunAsync(refresh, ct);
    }

    private async Task RunAsync(Func<Task> refresh, CancellationToken ct)
    {
        try
        {
            var wait = _lastRun == 0 ? TimeSpan.Zero : interval - clock.GetElapsedTime(_lastRun);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, ct);
            }
            lock (_gate)
            {
                _scheduled = false;
                _lastRun = clock.GetTimestamp();
            }
            ct.ThrowIfCancellationRequested();
            await refresh();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The page was left while a refresh waited: nothing to update.
        }
    }
}
