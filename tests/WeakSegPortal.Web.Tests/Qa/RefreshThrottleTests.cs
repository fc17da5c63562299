using Microsoft.Extensions.Time.Testing;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Qa;

/// <summary>On a fake clock, so a busy machine cannot stretch the intervals.</summary>
public sealed class RefreshThrottleTests
{
    private readonly FakeTimeProvider _clock = new();
    private int _runs;

    private Task Refresh()
    {
        Interlocked.Increment(ref _runs);
        return Task.CompletedTask;
    }

    private int Runs => Volatile.Read(ref _runs);

    [Fact]
    public async Task A_burst_of_notices_gives_one_refresh_at_once_and_one_trailing_refresh()
    {
        var throttle = new RefreshThrottle(TimeSpan.FromMilliseconds(300), _clock);

        throttle.Request(Refresh, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        for (var n = 0; n < 20; n++)
        {
            throttle.Request(Refresh, CancellationToken.None);
        }
        Assert.Equal(1, Runs);
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        await Task.Delay(50);
        Assert.Equal(1, Runs);
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        await Eventually.TrueAsync(() => Runs == 2);
        await Task.Delay(50);
        Assert.Equal(2, Runs);
    }

    [Fact]
    public async Task A_refresh_waiting_when_the_page_is_left_never_runs()
    {
        var throttle = new RefreshThrottle(TimeSpan.FromMilliseconds(200), _clock);
        using var leaving = new CancellationTokenSource();
        throttle.Request(Refresh, leaving.Token);
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        throttle.Request(Refresh, leaving.Token);
        await leaving.CancelAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(100);
        Assert.Equal(1, Runs);
    }
}
