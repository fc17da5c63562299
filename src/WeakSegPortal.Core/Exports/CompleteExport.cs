using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>The runner stored the export's zip.</summary>
public sealed record CompleteExport(Guid ExportId, string BlobHash, long Bytes, string FileName, IReadOnlyList<string> Notes);

/// <summary>Appends <see cref="ExportCompleted"/>; false when the export was cancelled meanwhile (its file is then not offered).</summary>
public sealed class CompleteExportHandler(IDocumentSession session, TimeProvider clock, IEnumerable<IExportListener> listeners)
{
    public Task<bool> HandleAsync(CompleteExport command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ExportAppend.AppendAsync(session, listeners, command.ExportId, e => e.Status == ExportStatus.Running,
            export => new ExportCompleted(export.Id, export.ProjectId, command.BlobHash, command.Bytes, command.FileName, command.Notes, clock.GetUtcNow()), ExportChange.Ended, () => false, ct);
    }
}
