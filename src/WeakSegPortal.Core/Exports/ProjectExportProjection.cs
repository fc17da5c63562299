using Marten.Events.Aggregation;

namespace WeakSegPortal.Core.Exports;

/// <summary>Builds <see cref="ProjectExport"/>. Inline: the page, the runner and a cancel read what the previous command stored.</summary>
public sealed class ProjectExportProjection : SingleStreamProjection<ProjectExport, Guid>
{
    public static ProjectExport Create(ExportRequested e) => new()
    {
        Id = e.ExportId,
        ProjectId = e.ProjectId,
        Formats = [.. e.Formats],
        Filter = e.Filter,
        RequestedBy = e.By,
        RequestedAt = e.At,
    };

    public static void Apply(ExportStarted e, ProjectExport export)
    {
        export.Status = ExportStatus.Running;
        export.Node = e.Node;
        export.Items = e.Items;
    }

    public static void Apply(ExportProgressed e, ProjectExport export) => export.Done = e.Done;

    public static void Apply(ExportCompleted e, ProjectExport export)
    {
        export.Status = ExportStatus.Completed;
        export.Done = export.Items;
        export.BlobHash = e.BlobHash;
        export.Bytes = e.Bytes;
        export.FileName = e.FileName;
        export.Notes = [.. e.Notes];
        export.EndedAt = e.At;
    }

    public static void Apply(ExportCancelled e, ProjectExport export)
    {
        export.Status = ExportStatus.Cancelled;
        export.EndedAt = e.At;
    }

    public static void Apply(ExportFailed e, ProjectExport export)
    {
        export.Status = ExportStatus.Failed;
        export.FailureReason = e.Reason;
        export.EndedAt = e.At;
    }

    public static void Apply(ExportDownloaded e, ProjectExport export) => export.Downloads++;
}
