using System.Diagnostics;

namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>Bounded polling for work the async daemon does after a command returns.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> read, Func<T, bool> done, TimeSpan? timeout = null)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        T? last = null;
        while (clock.Elapsed < limit)
        {
            last = await read();
            if (last is not null && done(last))
            {
                return last;
            }
            await Task.Delay(50);
        }
        Assert.Fail($"Not done after {limit.TotalSeconds:0} s; last seen: {(last is null ? "nothing" : System.Text.Json.JsonSerializer.Serialize(last))}");
        return last!;
    }

    public static async Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, $"Not true after {limit.TotalSeconds:0} s.");
            await Task.Delay(20);
        }
    }
}
