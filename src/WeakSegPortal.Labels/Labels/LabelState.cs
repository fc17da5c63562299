namespace WeakSegPortal.Core.Labels;

/// <summary>Per-voxel state of one class in a rasterised weak label.</summary>
/// <remarks>Unknown is the default (0) so a fresh array means "nothing said"; it is never background.</remarks>
public enum LabelState : byte
{
    Unknown = 0,
    Positive = 1,
    Negative = 2,
}
