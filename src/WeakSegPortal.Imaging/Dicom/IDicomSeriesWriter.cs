using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>Writes a volume as an uncompressed single-frame DICOM series, one file per slice.</summary>
public interface IDicomSeriesWriter
{
    /// <summary>Writes slice k to folder/IMG{k+1:0000}.dcm and returns the paths in slice order.</summary>
    IReadOnlyList<string> Write(Volume volume, string folder, DicomSeriesIdentity identity, CancellationToken cancellationToken = default);
}
