namespace WeakSegPortal.Core.Labels;

/// <summary>
/// The plane a box was drawn on. Axial fixes k (x = i, y = j); Coronal fixes j (x = i, y = k);
/// Sagittal fixes i (x = j, y = k). Only boxes are stored on a coronal or sagittal plane; every
/// other tool stores its axial equivalent (docs/annotation-protocol.md).
/// </summary>
public enum SlicePlane
{
    Axial,
    Coronal,
    Sagittal,
}
