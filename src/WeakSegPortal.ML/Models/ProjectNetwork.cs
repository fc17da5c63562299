using WeakSegPortal.Core.Training;

namespace WeakSegPortal.ML.Models;

/// <summary>
/// The U-Net a project's training builds: one output channel per class id up to the highest (<see cref="NetworkClasses"/>),
/// a tag head with one tag per non-background channel (tag t is class t + 1), the configuration's depth, width and
/// neighbouring slices. The portal checks an uploaded checkpoint against it (<see cref="CheckpointFormat.Mismatch"/>).
/// </summary>
public static class ProjectNetwork
{
    public static UNetOptions For(IEnumerable<int> classIds, TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var classes = NetworkClasses.Count(classIds);
        return new UNetOptions(classes, config.Depth, config.BaseChannels, config.NeighbourSlices, Tags: classes - 1);
    }
}
