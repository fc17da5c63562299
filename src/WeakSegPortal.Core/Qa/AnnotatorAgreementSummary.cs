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
    GoldScore? Gold)
{
    /// <summary>
    /// Their agreement with the others, the same mean of the same kinds of figure as the item's score
    /// (see <see cref="Agreement.ItemScore.ForAnnotator"/>); null when nothing of theirs could be compared.
    /// </summary>
    public double? Agreement { get; init; }

    /// <summary>Mean best-match IoU of their boxes with each other annotator's; null without boxes on both sides.</summary>
    public double? BoxIoUWithOthers { get; init; }

    /// <summary>What their clicks and scribbles were scored against (<see cref="Agreement.ConsensusBasis"/>), "labels" winning over "boxes" over classes.</summary>
    public string? ScoredAgainst { get; init; }
}
