namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// The only door to a DICOM toolkit (GDCM today, fo-dicom where it is served): reads headers
/// and decodes pixel data for every transfer syntax the toolkit supports.
/// </summary>
public interface IDicomCodec
{
    /// <summary>Reads attributes up to the pixel data; throws <see cref="ImageReadException"/> for a non-DICOM file.</summary>
    DicomHeader ReadHeader(string path);

    /// <summary>Reads and decodes the whole file; throws <see cref="ImageReadException"/> when it cannot.</summary>
    DicomPixels ReadPixels(string path);
}
