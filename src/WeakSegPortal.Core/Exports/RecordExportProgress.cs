using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>The runner wrote <paramref name="Done"/> items of the export.</summary>
public sealed record RecordExportProgress(Guid ExportId, int Done);

/// <summary>Appends <see cref="ExportProgressed"/> while the export runs; false when it has ended (cancelled): the runner stops.</summary>
public sealed class RecordExportProgressHandler(IDocumentSession session, TimeProvider clock)
{
    public Task<bool> HandleAsync(RecordExportProgress command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ConcurrentAppend.RetryAsync(session, async (s, token) =>
        {
            var stream = await s.Events.FetchForWriting<ProjectExport>(command.ExportId, token);
            if (stream.Aggregate is not { Status: ExportStatus.Running } export)
            {
                return false;
            }
            stream.AppendOne(new ExportProgressed(export.Id, export.ProjectId, command.Done, clock.GetUtcNow()));
            await s.SaveChangesAsync(token);
            return true;
        }, () => true, ct);
    }
}
