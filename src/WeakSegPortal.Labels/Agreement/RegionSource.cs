namespace WeakSegPortal.Core.Agreement;

/// <summary>What an annotator's <see cref="ClassRegion"/> of a class is made of.</summary>
public enum RegionSource
{
    /// <summary>No label of the class: an empty region.</summary>
    None,

    /// <summary>The inside of their boxes of the class (no paint of it).</summary>
    Boxes,

    /// <summary>Their full masks of the class: polygons, accepted masks and brush strokes.</summary>
    Paint,
}
