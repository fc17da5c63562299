namespace WeakSegPortal.Core.Qa;

/// <summary>
/// How far an annotator agrees with their own earlier labels of an item, from a hidden repeat (Items/ItemRepeated):
/// the same agreement maths as between two annotators, with the first pass and the repeat as the two raters.
/// Written by the agreement subscription once both passes are submitted.
/// </summary>
public sealed class SelfAgreement
{
    /// <summary>The repeat item's id.</summary>
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid AnnotatorId { get; set; }
    public Guid OriginalItemId { get; set; }
    /// <summary>The annotator's agreement with the other pass, the same figure as <see cref="AnnotatorAgreementSummary.Agreement"/>; null when nothing compares.</summary>
    public double? Agreement { get; set; }
    /// <summary>Mean over classes of the Dice between the two passes; null when no class has labels to overlap.</summary>
    public double? Dice { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
