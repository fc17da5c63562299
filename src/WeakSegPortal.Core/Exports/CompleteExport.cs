using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>The runner stored the export's zip.</summary>
public sealed record CompleteExport(Guid ExportId, string BlobHash, long Bytes, string FileName, IReadOnlyList<string> Notes);

/// <summary>Appends <see cref="ExportCompleted"/>; false when the export was cancelled meanwhile (its file is then not offered).</summary>
public sealed class CompleteExportHandler(IDocumentSession session, TimeProvider clock, IEnumerable<IExportListener> listeners)
{
    public async Task<bool> HandleAsync(CompleteExport command, CancellationToken ct)
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
            stream.AppendOne(new ExportCompleted(export.Id, export.ProjectId, command.BlobHash, command.Bytes, command.FileName, command.Notes, clock.GetUtcNow()));
            await s.SaveChangesAsync(token);
            project = export.ProjectId;
            return true;
        }, () => false, ct);
        if (project is { } projectId)
        {
            await ExportChange.TellAsync(listeners, new ExportChange(projectId, command.ExportId, ExportChange.Ended), ct);
        }
        return stored;
    }
}
