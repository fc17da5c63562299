using System.Text.Json.Serialization;

namespace WeakSegPortal.Core.Labels;

/// <summary>A full-mask edit on one slice: a polygon, an accepted mask (<see cref="SliceMask"/>) or a brush stroke (painting, or erasing earlier paint of its class).</summary>
/// <remarks>
/// In JSON (a training dataset's labels and gold masks, docs/training-protocol.md) each shape names its kind in "shape":
/// "polygon", "mask" or "brush"; without it a list of shapes could only be written as their common part and not read back.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "shape")]
[JsonDerivedType(typeof(Polygon), "polygon")]
[JsonDerivedType(typeof(SliceMask), "mask")]
[JsonDerivedType(typeof(BrushStroke), "brush")]
public interface IMaskShape
{
    int Slice { get; }

    int ClassId { get; }

    bool Erases { get; }

    /// <summary>Calls <paramref name="visit"/> for each voxel index covered (a voxel may come more than once).</summary>
    void Visit(Grid grid, Action<int> visit);
}
