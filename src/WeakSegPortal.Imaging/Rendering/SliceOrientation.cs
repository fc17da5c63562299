namespace WeakSegPortal.Imaging.Rendering;

/// <summary>
/// A plane of the voxel grid, named after the usual axial acquisition: Axial fixes k (i across, j down),
/// Coronal fixes j (i across, k up), Sagittal fixes i (j across, k up).
/// </summary>
public enum SliceOrientation
{
    Axial,
    Coronal,
    Sagittal,
}
