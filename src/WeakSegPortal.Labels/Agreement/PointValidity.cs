namespace WeakSegPortal.Core.Agreement;

/// <summary>How well one annotator's positive clicks of a class sit in the consensus of that class.</summary>
/// <param name="Points">Positive clicks of the class inside the image.</param>
/// <param name="Inside">Of those, clicks on a consensus voxel.</param>
/// <param name="SignedDistancesMm">Per click, distance to the consensus boundary: negative inside, positive outside.</param>
public sealed record PointValidity(int Points, int Inside, double[] SignedDistancesMm)
{
    /// <summary>Inside / Points; NaN when the annotator placed no such click.</summary>
    public double ShareInside => Points == 0 ? double.NaN : (double)Inside / Points;

    /// <summary>Mean signed distance (mm); NaN without clicks, +∞ when the consensus is empty.</summary>
    public double MeanSignedDistanceMm => SignedDistancesMm.Length == 0 ? double.NaN : SignedDistancesMm.Average();

    public static PointValidity None { get; } = new(0, 0, []);
}
