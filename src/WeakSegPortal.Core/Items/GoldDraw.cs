namespace WeakSegPortal.Core.Items;

/// <summary>The chance draws of the work queue; a seed makes them repeatable in tests.</summary>
public sealed class GoldDraw(Random random)
{
    public GoldDraw()
        : this(Random.Shared)
    {
    }

    public bool Draw(double rate) => rate > 0 && random.NextDouble() < rate;

    public int Index(int count) => random.Next(count);
}
