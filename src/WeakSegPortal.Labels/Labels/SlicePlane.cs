namespace WeakSegPortal.Core.Labels;

/// <summary>
/// The plane a box or a full mask (brush stroke, polygon, accepted mask) was drawn on. Axial fixes k (x = i, y = j);
/// Coronal fixes j (x = i, y = k); Sagittal fixes i (x = j, y = k). Points, scribbles and tags are always stored
/// as their axial equivalent (docs/annotation-protocol.md).
/// </summary>
public enum SlicePlane
{
    Axial,
    Coronal,
    Sagittal,
}
