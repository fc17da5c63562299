using System.Text.Json.Serialization;

namespace WeakSegPortal.Core.Labels;

/// <summary>
/// A full-mask edit on one slice of its <see cref="Plane"/> (axial, coronal or sagittal; <see cref="PlaneVoxels"/>): a polygon, an accepted mask (<see cref="SliceMask"/>) or a brush stroke (painting, or erasing
/// earlier paint of its class). In JSON (the training dataset's <see cref="WeakLabels.Masks"/>) each carries its kind in "shape".
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "shape")]
[JsonDerivedType(typeof(Polygon), "polygon")]
[JsonDerivedType(typeof(BrushStroke), "brush")]
[JsonDerivedType(typeof(SliceMask), "mask")]
public interface IMaskShape
{
    /// <summary>The slice on <see cref="Plane"/>: k for axial, j for coronal, i for sagittal.</summary>
    int Slice { get; }

    /// <summary>The plane the shape was drawn on; its points are in that plane's (x, y) and it speaks for that plane slice only.</summary>
    SlicePlane Plane { get; }

    int ClassId { get; }

    bool Erases { get; }

    /// <summary>Calls <paramref name="visit"/> for each volume voxel index covered (a voxel may come more than once).</summary>
    void Visit(Grid grid, Action<int> visit);
}
