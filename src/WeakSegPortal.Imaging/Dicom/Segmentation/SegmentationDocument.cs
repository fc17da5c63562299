using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>
/// What a binary DICOM Segmentation holds: the source it references, the source's voxel grid, the segments and a segment map
/// over that grid (one byte per voxel, index i + nx·(j + ny·k): the voxel's segment number, 0 for none; segments do not
/// overlap). Frames are written for the slices where a segment has a voxel. The identity of the new object (series and instance UIDs, its labels, when) is given.
/// </summary>
public sealed record SegmentationDocument(
    SegmentationSource Source,
    VolumeGeometry Geometry,
    IReadOnlyList<SegmentDescription> Segments,
    byte[] SegmentMap,
    string SeriesInstanceUid,
    string SopInstanceUid,
    string ContentLabel,
    string SeriesDescription,
    DateTimeOffset CreatedAt)
{
    public int SeriesNumber { get; init; } = 1000;
    public int InstanceNumber { get; init; } = 1;
    public string ContentCreator { get; init; } = "";
    public string SoftwareVersion { get; init; } = "1";
}
