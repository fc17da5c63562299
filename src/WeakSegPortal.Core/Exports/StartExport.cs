using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>A node takes a queued export on, to write <paramref name="Items"/> items.</summary>
public sealed record StartExport(Guid ExportId, string Node, int Items);

/// <summary>
/// Appends <see cref="ExportStarted"/> at the version the export was read at, so of two nodes that saw it queued only
/// one takes it: the other's append collides and it answers false.
/// </summary>
public sealed class StartExportHandler(IDocumentSession session, TimeProvider clock, IEnumerable<IExportListener> listeners)
{
    public async Task<bool> HandleAsync(StartExport command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var stream = await session.Events.FetchForWriting<ProjectExport>(command.ExportId, ct);
        if (stream.Aggregate is not { Status: ExportStatus.Queued } export)
        {
            return false;
        }
        stream.AppendOne(new ExportStarted(export.Id, export.ProjectId, command.Node, command.Items, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (ConcurrentAppend.IsConcurrentAppend(e))
        {
            session.EjectAllPendingChanges();
            return false;
        }
        await ExportChange.TellAsync(listeners, new ExportChange(export.ProjectId, export.Id, ExportChange.Started), ct);
        return true;
    }
}
