namespace WeakSegPortal.Core.Labels;

/// <summary>A full-mask edit on one slice: a polygon, an accepted mask (<see cref="SliceMask"/>) or a brush stroke (painting, or erasing earlier paint of its class).</summary>
public interface IMaskShape
{
    int Slice { get; }

    int ClassId { get; }

    bool Erases { get; }

    /// <summary>Calls <paramref name="visit"/> for each voxel index covered (a voxel may come more than once).</summary>
    void Visit(Grid grid, Action<int> visit);
}
