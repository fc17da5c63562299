namespace WeakSegPortal.Core.Agreement;

/// <summary>Where two annotators' scribbles overlap, how often they name different classes.</summary>
/// <param name="OverlapVoxels">Voxels scribbled by both.</param>
/// <param name="ClassConflictVoxels">Overlap voxels with different classes.</param>
/// <param name="ForegroundBackgroundConflictVoxels">Overlap voxels where exactly one says background.</param>
public sealed record ScribbleConflict(int OverlapVoxels, int ClassConflictVoxels, int ForegroundBackgroundConflictVoxels)
{
    /// <summary>Class conflicts per overlapping voxel; 0 when the scribbles do not overlap.</summary>
    public double ClassConflictFraction => OverlapVoxels == 0 ? 0 : (double)ClassConflictVoxels / OverlapVoxels;

    /// <summary>Foreground/background conflicts per overlapping voxel; 0 without overlap.</summary>
    public double ForegroundBackgroundFraction =>
        OverlapVoxels == 0 ? 0 : (double)ForegroundBackgroundConflictVoxels / OverlapVoxels;

    public static ScribbleConflict None { get; } = new(0, 0, 0);

    public static ScribbleConflict operator +(ScribbleConflict a, ScribbleConflict b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.OverlapVoxels + b.OverlapVoxels, a.ClassConflictVoxels + b.ClassConflictVoxels,
            a.ForegroundBackgroundConflictVoxels + b.ForegroundBackgroundConflictVoxels);
    }

    public static ScribbleConflict Add(ScribbleConflict a, ScribbleConflict b) => a + b;
}
