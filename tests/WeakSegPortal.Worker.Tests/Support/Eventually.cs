namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>Waits until a condition holds (for state that another process-like part changes), failing after a generous bound.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var bound = within ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Still not so after {bound.TotalSeconds:0} s: {what}");
            }

            await Task.Delay(20);
        }
    }
}
