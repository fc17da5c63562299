using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>The runner stored the export's zip.</summary>
public sealed record CompleteExport(Guid ExportId, string BlobHash, long Bytes, string FileName, IReadOnlyList<string> Notes);

/// <summary>Appends <see cref="ExportCompleted"/>; false when the export was cancelled meanwhile (its file is then not offered).</summary>
public sealed class CompleteExportHandler(IDocumentSession session, TimeProvider clock)
{
    public Task<bool> HandleAsync(CompleteExport command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ConcurrentAppend.RetryAsync(session, async (s, token) =>
        {
            var stream = await s.Events.FetchForWriting<ProjectExport>(command.ExportId, token);
            if (stream.Aggregate is not { Status: ExportStatus.Running } export)
            {
                return false;
            }
            stream.AppendOne(new ExportCompleted(export.Id, export.ProjectId, command.BlobHash, command.Bytes, command.FileName, command.Notes, clock.GetUtcNow()));
            await s.SaveChangesAsync(token);
            return true;
        }, () => false, ct);
    }
}
