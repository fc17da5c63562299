namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>Waits until a condition holds (for state that another process-like part changes), failing after a generous bound.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Still not so after 30 s: {what}");
            }

            await Task.Delay(20);
        }
    }
}
