namespace WeakSegPortal.Core.Dashboard;

/// <summary>
/// The dashboard's dataset grid filters: a name fragment, coverage against the target, gold only, and items with
/// independent annotations of a class and/or label type.
/// </summary>
public sealed record DatasetFilter(string Text = "", string Coverage = DatasetFilter.AnyCoverage, bool GoldOnly = false, int? ClassId = null, string? Kind = null)
{
    public const string AnyCoverage = "any";
    public const string AtTarget = "at-target";
    public const string BelowTarget = "below-target";
    public const string Unlabelled = "unlabelled";

    public IEnumerable<ItemCoverageRow> Apply(IEnumerable<ItemCoverageRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = Text.Trim();
        return rows.Where(r =>
            (text.Length == 0 || r.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            && Coverage switch
            {
                AtTarget => r.AtTarget,
                BelowTarget => !r.AtTarget,
                Unlabelled => r.Submitted == 0,
                _ => true,
            }
            && (!GoldOnly || r.IsGold)
            && (ClassId is null && Kind is null
                || r.Counts.Any(c => (ClassId is null || c.ClassId == ClassId) && (Kind is null || c.Kind == Kind))));
    }
}
