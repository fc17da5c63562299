namespace WeakSegPortal.Core.Agreement;

/// <summary>Outcome of binary STAPLE.</summary>
/// <param name="Sensitivity">Per rater p: P(rater says positive | truly foreground).</param>
/// <param name="Specificity">Per rater q: P(rater says negative | truly background).</param>
/// <param name="Posterior">Per voxel W: P(foreground | all decisions); the prior where nobody decided.</param>
/// <param name="Consensus">W ≥ 0.5.</param>
/// <param name="Prior">The foreground prior π used.</param>
public sealed record StapleResult(
    double[] Sensitivity,
    double[] Specificity,
    float[] Posterior,
    bool[] Consensus,
    double Prior,
    int Iterations,
    bool Converged);
