namespace WeakSegPortal.Core.Agreement;

/// <summary>What an annotator's clicks and scribbles of a class were scored against (see <see cref="ReferenceRegion"/>).</summary>
public static class ConsensusBasis
{
    /// <summary>Nothing to score against: the others gave neither region labels nor boxes of the class.</summary>
    public const string None = "none";

    /// <summary>The others' majority vote of their region labels (scribbles, full masks, tags), their clicks left out.</summary>
    public const string Labels = "labels";

    /// <summary>The voxels inside the boxes of a majority of the others who boxed that slice (no region consensus existed).</summary>
    public const string Boxes = "boxes";
}
