namespace WeakSegPortal.Core.Exports;

/// <summary>One export of a project as the export page lists it; projected inline from its stream.</summary>
public sealed class ProjectExport
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public List<string> Formats { get; set; } = [];
    public ExportFilter Filter { get; set; } = ExportFilter.All;
    public Guid RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string Status { get; set; } = ExportStatus.Queued;
    public string? Node { get; set; }
    public int Items { get; set; }
    public int Done { get; set; }
    public string? BlobHash { get; set; }
    public long Bytes { get; set; }
    public string? FileName { get; set; }
    public List<string> Notes { get; set; } = [];
    public string? FailureReason { get; set; }
    public int Downloads { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsEnded => Status is ExportStatus.Completed or ExportStatus.Cancelled or ExportStatus.Failed;

    /// <summary>Share of the items written, 0 to 1 (1 once completed).</summary>
    public double Progress => Status == ExportStatus.Completed ? 1 : Items == 0 ? 0 : Math.Clamp((double)Done / Items, 0, 1);
}
