namespace WeakSegPortal.Imaging.Staging;

/// <summary>
/// A volume decoded and stored by `weakseg stage`: where it lies (LPS mm; direction row-major, columns
/// are the directions of i, j, k), what it is, its content hash (SHA-256 of dimensions, voxel type and
/// voxels, so the same image in another wrapper is recognised) and the blob holding it. The DICOM UIDs (study, frame of reference, SOP class,
/// each instance's in slice order) are kept for managers and exports (a DICOM-SEG references them); empty for other formats.
/// </summary>
public sealed record StagedVolume(
    string Name,
    int[] Dims,
    double[] Spacing,
    double[] Origin,
    double[] Direction,
    string Modality,
    string SourceFormat,
    string VoxelType,
    string? SeriesInstanceUid,
    string ContentHash,
    string BlobKey,
    IReadOnlyList<string> Warnings,
    string? StudyInstanceUid = null,
    string? SopClassUid = null,
    IReadOnlyList<string>? SopInstanceUids = null,
    string? FrameOfReferenceUid = null);
