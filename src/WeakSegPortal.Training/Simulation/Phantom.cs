using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Simulation;

/// <summary>A synthetic image (or slice stack) with its exact ground truth.</summary>
/// <param name="Grid">Size; x fastest, then y, then slice, as Labels' rasterisers expect.</param>
/// <param name="Image">Intensities in [0, 1].</param>
/// <param name="Truth">Class id per voxel (0 background).</param>
/// <param name="Present">Whether each class occurs in the item (index = class id; background always).</param>
public sealed record Phantom(Grid Grid, SimulatedModality Modality, float[] Image, byte[] Truth, IReadOnlyList<bool> Present)
{
    /// <summary>The voxels of one class on one slice (slice-sized).</summary>
    public bool[] ClassMask(int classId, int slice = 0)
    {
        var mask = new bool[Grid.SliceSize];
        var start = slice * Grid.SliceSize;
        for (var v = 0; v < mask.Length; v++)
        {
            mask[v] = Truth[start + v] == classId;
        }
        return mask;
    }

    /// <summary>The intensities of one slice.</summary>
    public float[] SliceImage(int slice = 0) => Image.AsSpan(slice * Grid.SliceSize, Grid.SliceSize).ToArray();

    /// <summary>The class ids of one slice.</summary>
    public byte[] SliceTruth(int slice = 0) => Truth.AsSpan(slice * Grid.SliceSize, Grid.SliceSize).ToArray();

    /// <summary>The grid of one slice.</summary>
    public Grid SliceGrid => Grid.Planar(Grid.Nx, Grid.Ny, Grid.SpacingX, Grid.SpacingY);
}
