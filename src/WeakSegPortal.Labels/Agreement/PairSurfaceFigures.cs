namespace WeakSegPortal.Core.Agreement;

/// <summary>Two annotators' regions of one class compared in 3D.</summary>
/// <param name="Distances">HD95, ASSD and Hausdorff in mm, with the item's voxel spacing.</param>
/// <param name="SlicesCompared">The slices where either drew the class.</param>
public sealed record PairSurfaceFigures(int ClassId, Guid A, Guid B, SurfaceDistances Distances, int SlicesCompared);
