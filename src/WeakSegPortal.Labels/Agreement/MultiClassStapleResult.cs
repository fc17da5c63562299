namespace WeakSegPortal.Core.Agreement;

/// <summary>Outcome of multi-class STAPLE.</summary>
/// <param name="Confusion">Per rater θ[observed, truth] = P(rater says observed | true class truth).</param>
/// <param name="Posterior">Posterior[class][voxel] = P(true class | all decisions).</param>
/// <param name="Consensus">Per voxel, the class with the highest posterior.</param>
/// <param name="Prior">Class priors used (share of each class among all decisions).</param>
public sealed record MultiClassStapleResult(
    IReadOnlyList<double[,]> Confusion,
    float[][] Posterior,
    int[] Consensus,
    double[] Prior,
    int Iterations,
    bool Converged);
