namespace WeakSegPortal.Core.Qa;

/// <summary>The QA list's filters; null means "any". Items come out lowest agreement first.</summary>
public sealed record QaItemFilter(Guid? ProjectId = null, int? ClassId = null, string? Kind = null, Guid? AnnotatorId = null, Guid? ImportId = null, bool? Assisted = null)
{
    public IReadOnlyList<ItemAgreementSummary> Apply(IEnumerable<ItemAgreementSummary> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items
            .Where(i => ProjectId is null || i.ProjectId == ProjectId)
            .Where(i => ClassId is null || i.ClassIds.Contains(ClassId.Value))
            .Where(i => Kind is null || i.Kinds.Contains(Kind, StringComparer.Ordinal))
            .Where(i => AnnotatorId is null || i.AnnotatorIds.Contains(AnnotatorId.Value))
            .Where(i => ImportId is null || i.ImportId == ImportId)
            .Where(i => Assisted is null || i.Assisted == Assisted)
            .OrderBy(i => i.Score)
            .ThenBy(i => i.ItemName, StringComparer.Ordinal)];
    }
}
