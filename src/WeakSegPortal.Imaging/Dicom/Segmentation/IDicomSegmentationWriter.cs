namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>Writes a binary DICOM Segmentation object (SOP class 1.2.840.10008.5.1.4.1.1.66.4) as a Part 10 file.</summary>
public interface IDicomSegmentationWriter
{
    /// <summary>Writes the document; throws <see cref="ArgumentException"/> when it has no frame or the source does not cover its slices.</summary>
    void Write(SegmentationDocument document, Stream output, CancellationToken cancellationToken = default);
}
