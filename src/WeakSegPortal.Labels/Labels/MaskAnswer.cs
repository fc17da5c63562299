namespace WeakSegPortal.Core.Labels;

/// <summary>
/// What the full masks of one plane slice (axial k, coronal j or sagittal i) say after all their edits: per class with
/// paint left, its pixels on that plane slice (y · width + x, <see cref="PlaneVoxels.Of"/>), in the order the classes were
/// first painted there. <see cref="Latest"/> is the position of the slice's latest edit in the labels' mask list: where two
/// plane slices meet (axial slice k and coronal slice j share row j of slice k), the later answer wins.
/// </summary>
public sealed record MaskAnswer(SlicePlane Plane, int Slice, int Latest, IReadOnlyList<(int ClassId, bool[] Pixels)> Paint)
{
    /// <summary>The class painted at plane-slice pixel <paramref name="p"/> (the last painted there), or 0 (background: the answer's rest).</summary>
    public int ClassAt(int p)
    {
        var found = 0;
        foreach (var (classId, pixels) in Paint)
        {
            found = pixels[p] ? classId : found;
        }
        return found;
    }

    /// <summary>The pixels of <paramref name="classId"/> on this plane slice, or null when it has no paint here.</summary>
    public bool[]? Of(int classId)
    {
        foreach (var (id, pixels) in Paint)
        {
            if (id == classId)
            {
                return pixels;
            }
        }
        return null;
    }
}
