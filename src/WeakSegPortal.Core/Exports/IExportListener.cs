namespace WeakSegPortal.Core.Exports;

/// <summary>
/// Hears that an export changed after the change was stored (the web app refreshes the open export pages of every node).
/// None registered: nobody hears.
/// </summary>
public interface IExportListener
{
    Task ExportChangedAsync(ExportChange change, CancellationToken ct);
}
