namespace WeakSegPortal.Core.Agreement;

/// <summary>How one annotator's labels of one class compare with everyone else's (leave-one-out consensus).</summary>
/// <param name="DiceWithConsensus">Labelled Dice against the others' majority vote; NaN if nothing overlaps.</param>
/// <param name="ScribblePrecision">|S ∩ C| / |S| of their class scribbles against the others' <see cref="ReferenceRegion"/>, over the voxels the others spoke about; NaN without scribbles or without a reference.</param>
/// <param name="Points">Their positive clicks against the others' <see cref="ReferenceRegion"/>.</param>
/// <param name="BoxConsensusIoU">
/// Mean IoU of their 2D boxes with the others' consensus bounding box on that slice (0 where the
/// consensus misses that slice); NaN without boxes or when the others' consensus is empty everywhere.
/// </param>
/// <param name="BoxIoUWithOthers">Mean over the other annotators who boxed the class of the pair's best-match box IoU (as in <see cref="BoxAgreement.MeanPairwiseIoU"/>); NaN if nobody else did.</param>
/// <param name="ScoredAgainst">Which <see cref="ConsensusBasis"/> the clicks and scribbles were scored against.</param>
public sealed record AnnotatorClassAgreement(
    string AnnotatorId,
    double DiceWithConsensus,
    double ScribblePrecision,
    PointValidity Points,
    double BoxConsensusIoU,
    double BoxIoUWithOthers = double.NaN,
    string ScoredAgainst = ConsensusBasis.None);
