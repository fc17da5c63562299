namespace WeakSegPortal.Core.Qa;

/// <summary>One annotator on one item: agreement with the others' consensus, effort, and gold accuracy when the item is gold.</summary>
public sealed record AnnotatorAgreementSummary(
    Guid AnnotatorId,
    double? DiceWithConsensus,
    double? ScribblePrecision,
    double? PointValidity,
    double? BoxConsensusIoU,
    int Annotations,
    int AssistedAnnotations,
    long ActiveMs,
    bool Submitted,
    GoldScore? Gold);
