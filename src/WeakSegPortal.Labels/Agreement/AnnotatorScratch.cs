namespace WeakSegPortal.Core.Agreement;

/// <summary>Image-sized buffers the item calculator reuses for every annotator of a class.</summary>
/// <remarks>Allocating them per annotator filled the large-object heap and forced a full GC per recompute.</remarks>
internal sealed class AnnotatorScratch(int length)
{
    public bool[] Consensus { get; } = new bool[length];
    public byte[] Voters { get; } = new byte[length];
    public bool[] Mask { get; } = new bool[length];
}
