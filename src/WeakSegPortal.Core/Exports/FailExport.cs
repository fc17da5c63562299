using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>The runner could not write the export.</summary>
public sealed record FailExport(Guid ExportId, string Reason);

/// <summary>Appends <see cref="ExportFailed"/> unless the export has ended already.</summary>
public sealed class FailExportHandler(IDocumentSession session, TimeProvider clock, IEnumerable<IExportListener> listeners)
{
    public Task<bool> HandleAsync(FailExport command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ExportAppend.AppendAsync(session, listeners, command.ExportId, e => !e.IsEnded,
            export => new ExportFailed(export.Id, export.ProjectId, command.Reason, clock.GetUtcNow()), ExportChange.Ended, () => false, ct);
    }
}
