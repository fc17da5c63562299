namespace WeakSegPortal.Core.Dashboard;

/// <summary>One item of the dashboard's dataset grid.</summary>
/// <param name="Submitted">Annotators who submitted it (independent annotations).</param>
/// <param name="Score">The item's agreement score (Qa/ItemAgreementSummary.Score) once computed.</param>
public sealed record ItemCoverageRow(Guid ItemId, string Name, bool IsGold, int Submitted, bool AtTarget, string Status, double? Score, IReadOnlyList<CoverageCount> Counts);
