using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Tests.Qa;

public sealed class RefreshThrottleTests
{
    [Fact]
    public async Task A_burst_of_notices_gives_one_refresh_at_once_and_one_trailing_refresh()
    {
        var throttle = new RefreshThrottle(TimeSpan.FromMilliseconds(300));
        var runs = 0;
        Task Refresh()
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }

        throttle.Request(Refresh, CancellationToken.None);
        await Task.Delay(50);
        for (var n = 0; n < 20; n++)
        {
            throttle.Request(Refresh, CancellationToken.None);
        }
        Assert.Equal(1, Volatile.Read(ref runs));
        await Task.Delay(600);
        Assert.Equal(2, Volatile.Read(ref runs));
    }

    [Fact]
    public async Task A_refresh_waiting_when_the_page_is_left_never_runs()
    {
        var throttle = new RefreshThrottle(TimeSpan.FromMilliseconds(200));
        using var leaving = new CancellationTokenSource();
        var runs = 0;
        throttle.Request(() => { runs++; return Task.CompletedTask; }, leaving.Token);
        await Task.Delay(50);
        throttle.Request(() => { runs++; return Task.CompletedTask; }, leaving.Token);
        await leaving.CancelAsync();
        await Task.Delay(400);
        Assert.Equal(1, runs);
    }
}
