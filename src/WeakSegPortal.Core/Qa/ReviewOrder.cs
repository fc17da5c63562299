namespace WeakSegPortal.Core.Qa;

/// <summary>The QA lead's order of work: open items, lowest agreement first (as the /qa list sorts them).</summary>
public static class ReviewOrder
{
    /// <summary>The worst open item other than <paramref name="current"/> (whose decision may not have reached its summary yet); null when none is left.</summary>
    public static ItemAgreementSummary? NextWorst(IEnumerable<ItemAgreementSummary> items, Guid current)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items
            .Where(i => i.Id != current && i.Status == QaStatus.Open)
            .OrderBy(i => i.Score).ThenBy(i => i.ItemName, StringComparer.Ordinal).ThenBy(i => i.Id)
            .FirstOrDefault();
    }
}
