namespace WeakSegPortal.Core.Agreement;

/// <summary>How far two annotators' regions of a class lie apart on one slice: the worst class and pair of that slice.</summary>
/// <param name="Distances">In-plane HD95, ASSD and Hausdorff in mm.</param>
/// <param name="Dice">Overlap of the two regions on the slice.</param>
public sealed record SliceDisagreement(int Slice, int ClassId, Guid A, Guid B, SurfaceDistances Distances, double Dice);
