namespace WeakSegPortal.Core.Exports;

/// <summary>Which of the project's items an export takes: all (the defaults), only items someone submitted, only gold items.</summary>
public sealed record ExportFilter(bool SubmittedOnly = false, bool GoldOnly = false)
{
    public static ExportFilter All { get; } = new();

    public bool Keeps(Items.ItemView item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (!SubmittedOnly || item.SubmittedBy.Count > 0) && (!GoldOnly || item.IsGold);
    }

    public string Describe() => (SubmittedOnly, GoldOnly) switch
    {
        (false, false) => "all items",
        (true, false) => "submitted items",
        (false, true) => "gold items",
        _ => "submitted gold items",
    };
}
