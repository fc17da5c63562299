namespace WeakSegPortal.Core.Agreement;

/// <summary>How one annotator's labels of one class compare with everyone else's (leave-one-out consensus).</summary>
/// <param name="DiceWithConsensus">Labelled Dice against the others' majority vote; NaN if nothing overlaps.</param>
/// <param name="ScribblePrecision">|S ∩ C| / |S| of their class scribbles; NaN without scribbles.</param>
/// <param name="Points">Their positive clicks against the others' consensus.</param>
/// <param name="BoxConsensusIoU">
/// Mean IoU of their 2D boxes with the others' consensus bounding box on that slice (0 where the
/// consensus misses that slice); NaN without boxes or when the others' consensus is empty everywhere.
/// </param>
public sealed record AnnotatorClassAgreement(
    string AnnotatorId,
    double DiceWithConsensus,
    double ScribblePrecision,
    PointValidity Points,
    double BoxConsensusIoU);
