namespace WeakSegPortal.Core.Exports;

/// <summary>A stored change of one export: <see cref="Requested"/>, <see cref="Started"/>, <see cref="Progressed"/>, <see cref="Ended"/>.</summary>
public sealed record ExportChange(Guid ProjectId, Guid ExportId, string Kind)
{
    public const string Requested = "requested";
    public const string Started = "started";
    public const string Progressed = "progressed";
    public const string Ended = "ended";

    /// <summary>Tells every listener (the change is stored already).</summary>
    public static async Task TellAsync(IEnumerable<IExportListener> listeners, ExportChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(listeners);
        foreach (var listener in listeners)
        {
            await listener.ExportChangedAsync(change, ct);
        }
    }
}
