namespace WeakSegPortal.Training.Losses;

/// <summary>The one Gaussian kernel of the gated CRF loss: position and intensity bandwidths and the neighbourhood radius.</summary>
/// <param name="SigmaPosition">σ_xy in pixels (6 in the literature).</param>
/// <param name="SigmaIntensity">σ of intensities scaled to [0, 1] (0.1).</param>
/// <param name="Radius">Neighbours j with dx² + dy² ≤ radius² take part (5).</param>
public sealed record GatedCrfOptions(double SigmaPosition = 6, double SigmaIntensity = 0.1, int Radius = 5);
