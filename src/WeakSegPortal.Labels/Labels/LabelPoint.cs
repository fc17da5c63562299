namespace WeakSegPortal.Core.Labels;

/// <summary>A click on voxel (X, Y, Slice) saying the class is there (positive) or not there (negative).</summary>
public sealed record LabelPoint(double X, double Y, int Slice, int ClassId, bool IsPositive = true);
