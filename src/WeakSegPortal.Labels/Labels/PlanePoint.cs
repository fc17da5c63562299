namespace WeakSegPortal.Core.Labels;

/// <summary>A position within a slice, in continuous voxel index units (centres at integers).</summary>
public readonly record struct PlanePoint(double X, double Y);
