namespace WeakSegPortal.Core.Qa;

/// <summary>The agreement report of a project, per item and per annotator, as the JSON export writes it.</summary>
public sealed record AgreementReport(
    Guid ProjectId,
    string ProjectName,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ItemAgreementSummary> Items,
    IReadOnlyList<AnnotatorScorecard> Annotators);
