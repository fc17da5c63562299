namespace WeakSegPortal.Imaging.Dicom;

/// <summary>The series found in a folder, and the files that were not DICOM images.</summary>
public sealed record DicomFolderScan(IReadOnlyList<DicomSeries> Series, IReadOnlyList<SkippedFile> Skipped);
