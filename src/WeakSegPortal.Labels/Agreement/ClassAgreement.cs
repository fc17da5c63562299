namespace WeakSegPortal.Core.Agreement;

/// <summary>Agreement on one class of one item.</summary>
/// <param name="Consensus">Majority vote of all annotators (Unknown abstains).</param>
/// <param name="VoteFraction">Positive share of the votes cast per voxel.</param>
/// <param name="Disagreement">Per voxel, see <see cref="DisagreementMap"/>.</param>
/// <param name="MeanPairwiseDice">Mean of the defined pairwise Dice values; NaN if none.</param>
/// <param name="MeanBoxIoU">Mean best-match IoU between annotators' boxes of this class; NaN if no two annotators boxed it.</param>
public sealed record ClassAgreement(
    int ClassId,
    bool[] Consensus,
    float[] VoteFraction,
    float[] Disagreement,
    IReadOnlyList<PairDice> PairwiseDice,
    double MeanPairwiseDice,
    double MeanBoxIoU,
    IReadOnlyList<AnnotatorClassAgreement> Annotators);
