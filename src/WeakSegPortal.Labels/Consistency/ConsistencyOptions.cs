namespace WeakSegPortal.Core.Consistency;

/// <summary>Tolerances of the 3D consistency rules.</summary>
/// <param name="AreaJumpRatio">A structure's area may change by at most this factor between neighbouring slices.</param>
/// <param name="MinAreaVoxels">Areas below this (voxels) are too small to judge a jump on: partial-volume slices at a structure's ends.</param>
public sealed record ConsistencyOptions(double AreaJumpRatio = 2.0, double MinAreaVoxels = 16)
{
    public static ConsistencyOptions Default { get; } = new();

    /// <summary>The reason the options are unusable, or null.</summary>
    public string? Problem() =>
        !(AreaJumpRatio > 1) || double.IsInfinity(AreaJumpRatio) ? "AreaJumpRatio must be a finite number above 1."
        : !(MinAreaVoxels >= 0) || double.IsInfinity(MinAreaVoxels) ? "MinAreaVoxels must be a finite number of at least 0."
        : null;
}
