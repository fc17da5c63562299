namespace WeakSegPortal.Core.Qa;

/// <summary>How one annotator does in one project; rebuilt by the agreement subscription after their labels change.</summary>
public sealed class AnnotatorScorecard
{
    /// <summary><see cref="ScorecardIds.For"/>(project, annotator).</summary>
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid AnnotatorId { get; set; }
    public int Items { get; set; }
    public int ItemsCompared { get; set; }
    public int Annotations { get; set; }
    /// <summary>Mean Dice with the others' consensus over items where it is defined.</summary>
    public double? AgreementWithConsensus { get; set; }
    public int GoldItems { get; set; }
    public double? GoldSensitivity { get; set; }
    public double? GoldSpecificity { get; set; }
    public double? GoldDice { get; set; }
    /// <summary>Median active seconds spent per item (sum of the item's annotation times).</summary>
    public double? MedianSecondsPerItem { get; set; }
    public List<KindSpeed> SecondsPerKind { get; set; } = [];
    /// <summary>Share of labels taken from a suggestion (0 until suggestions exist).</summary>
    public double SuggestionAcceptance { get; set; }
    /// <summary>Labels taken from a suggestion (provenance "suggestion"); the rest were drawn by hand.</summary>
    public int AssistedAnnotations { get; set; }
    /// <summary>Mean Dice with the others' consensus over the items where they took at least one suggestion.</summary>
    public double? AgreementAssisted { get; set; }
    /// <summary>Mean Dice with the others' consensus over the items they labelled entirely by hand.</summary>
    public double? AgreementManual { get; set; }
    /// <summary>Mean agreement with their own first pass over the hidden repeats they submitted (<see cref="SelfAgreement"/>); null without one.</summary>
    public double? SelfAgreement { get; set; }
    /// <summary>Hidden repeats with both passes submitted.</summary>
    public int RepeatsCompared { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
