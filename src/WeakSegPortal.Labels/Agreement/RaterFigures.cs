namespace WeakSegPortal.Core.Agreement;

/// <summary>
/// One rater's figures on one item, as the QA desk shows them: agreement with the others' consensus by kind of label,
/// their overall agreement (<see cref="ItemScore.ForAnnotator"/>), and accuracy against the reference where there is one.
/// Undefined figures (nothing to compare) are null.
/// </summary>
public sealed record RaterFigures(
    string RaterId,
    double? DiceWithConsensus,
    double? ScribblePrecision,
    double? PointValidity,
    double? BoxConsensusIoU,
    double? Agreement,
    double? BoxIoUWithOthers,
    string? ScoredAgainst,
    GoldFigures? Gold);
