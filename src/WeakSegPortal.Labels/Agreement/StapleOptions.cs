namespace WeakSegPortal.Core.Agreement;

/// <summary>Settings for STAPLE; the defaults are Warfield et al.'s.</summary>
/// <param name="InitialSensitivity">Starting p (binary) or confusion-matrix diagonal (multi-class).</param>
/// <param name="InitialSpecificity">Starting q (binary only).</param>
/// <param name="Tolerance">Stop when no rater parameter moves by more than this.</param>
/// <param name="Prior">Foreground prior π; null estimates it as the share of positive decisions.</param>
public sealed record StapleOptions(
    double InitialSensitivity = 0.99,
    double InitialSpecificity = 0.99,
    double Tolerance = 1e-7,
    int MaxIterations = 500,
    double? Prior = null)
{
    public static StapleOptions Default { get; } = new();
}
