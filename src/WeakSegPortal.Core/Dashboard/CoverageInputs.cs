using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Dashboard;

/// <summary>The read models a <see cref="CoverageReport"/> is folded from, as <see cref="CoverageReportQuery"/> loads them.</summary>
/// <param name="Items">Every item view of the project, hidden repeats included.</param>
/// <param name="Labels">The current labels on those items.</param>
/// <param name="GoldEfficiency">Per adjudicated gold item, <see cref="LabelEfficiency.OnGoldItem"/>'s Dice per label type.</param>
public sealed record CoverageInputs(
    ProjectSummary Project,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<LabelFact> Labels,
    IReadOnlyList<ItemAgreementSummary> Summaries,
    IReadOnlyList<SelfAgreement> Repeats,
    int SuggestedObjects,
    int AcceptedObjects,
    IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<double>>> GoldEfficiency);
