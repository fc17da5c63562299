using WeakSegPortal.Imaging.Dicom;

namespace WeakSegPortal.Cli.Staging;

/// <summary>What `weakseg stage` decodes in one go: a DICOM series, or one NIfTI or raster file.</summary>
internal sealed record StagingUnit(string Id, IReadOnlyList<string> Files, DicomSeries? Series, string? Path)
{
    public static StagingUnit OfSeries(DicomSeries series, IReadOnlyList<string> files) =>
        new($"dicom:{series.StudyInstanceUid}/{series.SeriesInstanceUid}", files, series, null);

    public static StagingUnit OfFile(string relative, string path) => new($"file:{relative}", [relative], null, path);
}
