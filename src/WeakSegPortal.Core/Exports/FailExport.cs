using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>The runner could not write the export.</summary>
public sealed record FailExport(Guid ExportId, string Reason);

/// <summary>Appends <see cref="ExportFailed"/> unless the export has ended already.</summary>
public sealed class FailExportHandler(IDocumentSession session, TimeProvider clock, IEnumerable<IExportListener> listeners)
{
    public async Task<bool> HandleAsync(FailExport command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        Guid? project = null;
        var stored = await ConcurrentAppend.RetryAsync(session, async (s, token) =>
        {
            var stream = await s.Events.FetchForWriting<ProjectExport>(command.ExportId, token);
            if (stream.Aggregate is not { IsEnded: false } export)
            {
                return false;
            }
            stream.AppendOne(new ExportFailed(export.Id, export.ProjectId, command.Reason, clock.GetUtcNow()));
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
