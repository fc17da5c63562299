namespace WeakSegPortal.Training.Losses;

/// <summary>Weights of the box tightness prior (Wang &amp; Xia, MICCAI 2021).</summary>
/// <param name="Alpha">Sharpness of the α-softmax smooth maximum over a line (6).</param>
/// <param name="SmoothnessWeight">Weight of the pairwise term inside boxes (10).</param>
public sealed record BoxTightnessOptions(double Alpha = 6, double SmoothnessWeight = 10);
