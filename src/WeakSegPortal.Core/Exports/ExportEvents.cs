using WeakSegPortal.Core.Audit;

namespace WeakSegPortal.Core.Exports;

// Events of one export's stream (one stream per export, its id the export id). Each carries the project, who and when
// (server UTC): the stream is the export's audit trail — who asked for which data, who downloaded it.

/// <summary>A project manager asked for an export of the project's items (all, or those the filter keeps) in some formats.</summary>
public sealed record ExportRequested(Guid ExportId, Guid ProjectId, IReadOnlyList<string> Formats, ExportFilter Filter, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

/// <summary>A node took the export on; <paramref name="Items"/> is how many items it will write.</summary>
public sealed record ExportStarted(Guid ExportId, Guid ProjectId, string Node, int Items, DateTimeOffset At);

/// <summary>How far the writer got: <paramref name="Done"/> of the started export's items are written.</summary>
public sealed record ExportProgressed(Guid ExportId, Guid ProjectId, int Done, DateTimeOffset At);

/// <summary>The export's zip is in the blob store under <paramref name="BlobHash"/>.</summary>
public sealed record ExportCompleted(Guid ExportId, Guid ProjectId, string BlobHash, long Bytes, string FileName, IReadOnlyList<string> Notes, DateTimeOffset At);

/// <summary>A project manager stopped the export; nothing of it is kept.</summary>
public sealed record ExportCancelled(Guid ExportId, Guid ProjectId, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

/// <summary>The export could not be written; the reason is shown to managers.</summary>
public sealed record ExportFailed(Guid ExportId, Guid ProjectId, string Reason, DateTimeOffset At);

/// <summary>A project manager downloaded the export's file.</summary>
public sealed record ExportDownloaded(Guid ExportId, Guid ProjectId, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

/// <summary>A project manager imported a weak-label file into the project (one stream per import).</summary>
public sealed record WeakLabelsImported(Guid ImportId, Guid ProjectId, string? SourceProject, int Items, int Labels, int AlreadyThere, IReadOnlyList<string> Unmatched, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;
