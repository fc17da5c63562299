namespace WeakSegPortal.Training.Losses;

/// <summary>Weights of the box tightness prior (Wang &amp; Xia, MICCAI 2021).</summary>
/// <param name="Alpha">Sharpness of the α-softmax smooth maximum over a line (6).</param>
/// <param name="SmoothnessWeight">Weight of the pairwise term inside boxes (10).</param>
public sealed record BoxTightnessOptions(double Alpha = 6, double SmoothnessWeight = 10)
{
    /// <summary>The angles (degrees) of the lines crossing a box that make positive bags: −40° … 40° in 20° steps, as published.</summary>
    public IReadOnlyList<double> Angles { get; init; } = [-40, -20, 0, 20, 40];
}
