namespace WeakSegPortal.Core.Agreement;

/// <summary>Surface distances between two masks, in millimetres.</summary>
/// <param name="Hd95Mm">95th percentile of both directed surface-distance sets pooled.</param>
/// <param name="AssdMm">Mean of the same pooled set (average symmetric surface distance).</param>
/// <param name="HausdorffMm">Maximum of the pooled set.</param>
public sealed record SurfaceDistances(double Hd95Mm, double AssdMm, double HausdorffMm)
{
    /// <summary>Both masks empty: nothing to disagree about.</summary>
    public static SurfaceDistances Identical { get; } = new(0, 0, 0);

    /// <summary>Exactly one mask empty: no surface to measure to, so the distance is unbounded.</summary>
    public static SurfaceDistances Unbounded { get; } =
        new(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity);
}
