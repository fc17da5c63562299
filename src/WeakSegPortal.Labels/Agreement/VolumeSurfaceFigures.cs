namespace WeakSegPortal.Core.Agreement;

/// <summary>The 3D agreement of an item: per class and pair of annotators, and the slices ranked from most to least disagreement.</summary>
/// <param name="Pairs">Every pair that labelled slices in common where either has the class.</param>
/// <param name="Slices">One entry per slice where some pair disagrees, worst first (see <see cref="VolumeSurfaceAgreement"/>).</param>
public sealed record VolumeSurfaceFigures(IReadOnlyList<PairSurfaceFigures> Pairs, IReadOnlyList<SliceDisagreement> Slices)
{
    public static VolumeSurfaceFigures None { get; } = new([], []);

    /// <summary>Whether some pair was compared over several slices (what makes 3D figures mean more than the 2D ones).</summary>
    public bool AcrossSlices => Pairs.Any(p => p.SlicesCompared > 1);
}
