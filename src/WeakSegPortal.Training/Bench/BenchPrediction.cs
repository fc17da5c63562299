namespace WeakSegPortal.Training.Bench;

/// <summary>What a case's network predicts on one item: a class per voxel (x fastest), and whether the item was held out.</summary>
public sealed record BenchPrediction(BenchItem Item, byte[] Classes, bool HeldOut)
{
    /// <summary>A pixel a pseudo-mask leaves out (neither a class nor background).</summary>
    public const byte Unlabelled = byte.MaxValue;
}
