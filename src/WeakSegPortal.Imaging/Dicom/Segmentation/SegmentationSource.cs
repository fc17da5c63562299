namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>
/// The DICOM series a segmentation is drawn on: study, series, frame of reference, SOP class and each instance's SOP
/// instance UID in slice order; or, for a multi-frame source, one instance whose frame k+1 is slice k.
/// </summary>
public sealed record SegmentationSource(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string FrameOfReferenceUid,
    string SopClassUid,
    IReadOnlyList<string> SopInstanceUids)
{
    /// <summary>Whether slice k is frame k+1 of a single multi-frame instance rather than an instance of its own.</summary>
    public bool IsMultiFrame(int slices) => SopInstanceUids.Count == 1 && slices > 1;

    /// <summary>Whether the source names an instance for every one of the given number of slices.</summary>
    public bool Covers(int slices) => SopInstanceUids.Count == slices || IsMultiFrame(slices);
}
