using WeakSegPortal.Core.Training;

namespace WeakSegPortal.ML.Models;

/// <summary>The shape of a U-Net: depth, width, classes, and neighbouring slices as extra input channels (2.5D).</summary>
/// <param name="Classes">Output classes including background (class 0).</param>
/// <param name="Depth">Resolution levels; the input side must be divisible by 2^(Depth−1).</param>
/// <param name="BaseChannels">Channels at the first level, doubled at every level below.</param>
/// <param name="NeighbourSlices">Slices taken on each side of the current one: 0 is 2D, 1 gives three input channels.</param>
/// <param name="Tags">Image-level classes the classification head predicts (0: no head).</param>
public sealed record UNetOptions(int Classes, int Depth = 4, int BaseChannels = 16, int NeighbourSlices = 0, int Tags = 0)
{
    /// <summary>Input channels: the slice and its neighbours on both sides.</summary>
    public int InputChannels => 1 + 2 * NeighbourSlices;

    /// <summary>Channels of the deepest level.</summary>
    public int DeepestChannels => BaseChannels << (Depth - 1);

    /// <summary>
    /// The network a project's training builds (the one rule: the worker builds it, the portal checks an uploaded
    /// checkpoint against it): one output per class id up to the project's highest (output c is class id c, background 0,
    /// as the "project-model" engine reads them), the configuration's depth, width and neighbouring slices, and a tag head
    /// with one tag per class id.
    /// </summary>
    public static UNetOptions For(TrainingConfig config, int highestClassId)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfLessThan(highestClassId, 1);
        return new UNetOptions(highestClassId + 1, config.Depth, config.BaseChannels, config.NeighbourSlices, Tags: highestClassId);
    }

    /// <summary>Throws with the reason where the options cannot make a network.</summary>
    public void Validate()
    {
        if (Classes < 2) throw new ArgumentOutOfRangeException(nameof(Classes), Classes, "a segmentation needs at least background and one class");
        if (Depth is < 1 or > 7) throw new ArgumentOutOfRangeException(nameof(Depth), Depth, "depth must be 1 to 7");
        if (BaseChannels is < 1 or > 256) throw new ArgumentOutOfRangeException(nameof(BaseChannels), BaseChannels, "base channels must be 1 to 256");
        if (NeighbourSlices is < 0 or > 8) throw new ArgumentOutOfRangeException(nameof(NeighbourSlices), NeighbourSlices, "neighbour slices must be 0 to 8");
        if (Tags < 0) throw new ArgumentOutOfRangeException(nameof(Tags), Tags, "tags cannot be negative");
    }
}
