namespace WeakSegPortal.Imaging.Dicom;

/// <summary>Groups a folder's DICOM files (recursively) by study and series UID, reading headers only.</summary>
public sealed class DicomFolderScanner(IDicomCodec codec)
{
    public DicomFolderScan Scan(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new ImageReadException(ImageReadFailure.NotFound, $"Folder not found: {folder}");
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();
        var headers = new List<DicomHeader>(files.Count);
        var skipped = new List<SkippedFile>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var header = codec.ReadHeader(file);
                if (header.Rows == 0 || header.Columns == 0)
                {
                    skipped.Add(new SkippedFile(file, "DICOM file without an image (no rows/columns)."));
                    continue;
                }

                headers.Add(header);
            }
            catch (ImageReadException e)
            {
                skipped.Add(new SkippedFile(file, e.Message));
            }
        }

        var series = headers
            .GroupBy(h => (h.StudyInstanceUid, h.SeriesInstanceUid))
            .Select(g => new DicomSeries(g.Key.StudyInstanceUid, g.Key.SeriesInstanceUid, [.. g]))
            .OrderBy(s => s.StudyInstanceUid, StringComparer.Ordinal)
            .ThenBy(s => s.SeriesInstanceUid, StringComparer.Ordinal)
            .ToList();
        return new DicomFolderScan(series, skipped);
    }
}
