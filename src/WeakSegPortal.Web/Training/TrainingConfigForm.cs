using WeakSegPortal.Core.Training;

namespace WeakSegPortal.Web.Training;

/// <summary>The training page's editable copy of a <see cref="TrainingConfig"/> (the record is immutable); starts at the defaults.</summary>
public sealed class TrainingConfigForm
{
    private static readonly TrainingConfig Defaults = new();

    public int Depth { get; set; } = Defaults.Depth;
    public int BaseChannels { get; set; } = Defaults.BaseChannels;
    public int NeighbourSlices { get; set; } = Defaults.NeighbourSlices;
    public int ImageSide { get; set; } = Defaults.ImageSide;
    public int Epochs { get; set; } = Defaults.Epochs;
    public int StepsPerEpoch { get; set; } = Defaults.StepsPerEpoch;
    public int BatchSize { get; set; } = Defaults.BatchSize;
    public double LearningRate { get; set; } = Defaults.LearningRate;
    public int Seed { get; set; } = Defaults.Seed;

    public static TrainingConfigForm From(TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new()
        {
            Depth = config.Depth, BaseChannels = config.BaseChannels, NeighbourSlices = config.NeighbourSlices, ImageSide = config.ImageSide,
            Epochs = config.Epochs, StepsPerEpoch = config.StepsPerEpoch, BatchSize = config.BatchSize, LearningRate = config.LearningRate, Seed = config.Seed,
        };
    }

    public TrainingConfig ToConfig() => new()
    {
        Depth = Depth, BaseChannels = BaseChannels, NeighbourSlices = NeighbourSlices, ImageSide = ImageSide,
        Epochs = Epochs, StepsPerEpoch = StepsPerEpoch, BatchSize = BatchSize, LearningRate = LearningRate, Seed = Seed,
    };

    /// <summary>One line for the versions table.</summary>
    public static string Describe(TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return $"depth {config.Depth}, {config.BaseChannels} ch, ±{config.NeighbourSlices} slices, {config.ImageSide} px, "
            + $"{config.Epochs} × {config.StepsPerEpoch} steps, batch {config.BatchSize}, lr {config.LearningRate:G3}, seed {config.Seed}";
    }
}
