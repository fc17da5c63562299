namespace WeakSegPortal.Training.Bench;

/// <summary>What a benchmark case learns from.</summary>
public enum BenchSupervision
{
    FullMasks,
    Scribbles,
    Boxes,
    Points,
    Tags,
}
