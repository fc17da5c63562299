using WeakSegPortal.Imaging;
using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Staging;

namespace WeakSegPortal.Cli.Staging;

/// <summary>
/// Wraps the DICOM codec during the folder scan: announces each header before reading it (so a decoder
/// crash can be pinned to its file) and keeps files that are not DICOM candidates out of the scan.
/// </summary>
internal sealed class ScanReportingCodec(IDicomCodec inner, string root, IReadOnlySet<string> candidates, EventLineWriter events) : IDicomCodec
{
    public const string NotACandidate = "not a DICOM candidate";

    public DicomHeader ReadHeader(string path)
    {
        var relative = StagingPaths.Relative(root, path);
        if (!candidates.Contains(relative))
        {
            throw new ImageReadException(ImageReadFailure.NotAnImage, NotACandidate);
        }
        events.Write(new StageEvent { Event = StageEvent.Scan, File = relative });
        return inner.ReadHeader(path);
    }

    public DicomPixels ReadPixels(string path) => inner.ReadPixels(path);
}
