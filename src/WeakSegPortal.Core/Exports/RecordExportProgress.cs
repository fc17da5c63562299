using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>The runner wrote <paramref name="Done"/> items of the export.</summary>
public sealed record RecordExportProgress(Guid ExportId, int Done);

/// <summary>Appends <see cref="ExportProgressed"/> while the export runs; false when it has ended (cancelled): the runner stops.</summary>
public sealed class RecordExportProgressHandler(IDocumentSession session, TimeProvider clock, IEnumerable<IExportListener> listeners)
{
    public Task<bool> HandleAsync(RecordExportProgress command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ExportAppend.AppendAsync(session, listeners, command.ExportId, e => e.Status == ExportStatus.Running,
            export => new ExportProgressed(export.Id, export.ProjectId, command.Done, clock.GetUtcNow()), ExportChange.Progressed, () => true, ct);
    }
}
