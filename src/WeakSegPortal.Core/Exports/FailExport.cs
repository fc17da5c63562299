using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>The runner could not write the export.</summary>
public sealed record FailExport(Guid ExportId, string Reason);

/// <summary>Appends <see cref="ExportFailed"/> unless the export has ended already.</summary>
public sealed class FailExportHandler(IDocumentSession session, TimeProvider clock)
{
    public Task<bool> HandleAsync(FailExport command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ConcurrentAppend.RetryAsync(session, async (s, token) =>
        {
            var stream = await s.Events.FetchForWriting<ProjectExport>(command.ExportId, token);
            if (stream.Aggregate is not { IsEnded: false } export)
            {
                return false;
            }
            stream.AppendOne(new ExportFailed(export.Id, export.ProjectId, command.Reason, clock.GetUtcNow()));
            await s.SaveChangesAsync(token);
            return true;
        }, () => false, ct);
    }
}
