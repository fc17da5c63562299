using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>A project manager downloads a completed export.</summary>
public sealed record RecordExportDownload(Guid ProjectId, Guid ExportId, Guid By);

/// <summary>Appends <see cref="ExportDownloaded"/> (the audit of who took the data) and answers the export; null when there is no completed export.</summary>
public sealed class RecordExportDownloadHandler(IDocumentSession session, TimeProvider clock)
{
    public async Task<ProjectExport?> HandleAsync(RecordExportDownload command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await session.LoadAsync<ProjectExport>(command.ExportId, ct) is not { Status: ExportStatus.Completed } export || export.ProjectId != command.ProjectId)
        {
            return null;
        }
        // Appended without a version check: downloads never conflict with each other, and a completed export no longer changes.
        session.Events.Append(export.Id, new ExportDownloaded(export.Id, export.ProjectId, command.By, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return export;
    }
}
