using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>The runner wrote <paramref name="Done"/> items of the export.</summary>
public sealed record RecordExportProgress(Guid ExportId, int Done);

/// <summary>Appends <see cref="ExportProgressed"/> while the export runs; false when it has ended (cancelled): the runner stops.</summary>
public sealed class RecordExportProgressHandler(IDocumentSession session, TimeProvider clock, IEnumerable<IExportListener> listeners)
{
    public async Task<bool> HandleAsync(RecordExportProgress command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        Guid? project = null;
        var stored = await ConcurrentAppend.RetryAsync(session, async (s, token) =>
        {
            var stream = await s.Events.FetchForWriting<ProjectExport>(command.ExportId, token);
            if (stream.Aggregate is not { Status: ExportStatus.Running } export)
            {
                return false;
            }
            stream.AppendOne(new ExportProgressed(export.Id, export.ProjectId, command.Done, clock.GetUtcNow()));
            await s.SaveChangesAsync(token);
            project = export.ProjectId;
            return true;
        }, () => true, ct);
        if (project is { } projectId)
        {
            await ExportChange.TellAsync(listeners, new ExportChange(projectId, command.ExportId, ExportChange.Progressed), ct);
        }
        return stored;
    }
}
