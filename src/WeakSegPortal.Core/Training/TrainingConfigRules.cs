namespace WeakSegPortal.Core.Training;

/// <summary>What a <see cref="TrainingConfig"/> may hold; the page shows the errors beside the fields and the handler refuses the same.</summary>
public static class TrainingConfigRules
{
    public const int MaxEpochs = 1000;
    public const int MaxStepsPerEpoch = 10_000;
    public const int MaxImageSide = 1024;

    public static Dictionary<string, string> Validate(TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new Dictionary<string, string>();
        if (config.Depth is < 1 or > 7)
        {
            errors[nameof(TrainingConfig.Depth)] = "Depth must be 1 to 7.";
        }
        if (config.BaseChannels is < 1 or > 256)
        {
            errors[nameof(TrainingConfig.BaseChannels)] = "Base channels must be 1 to 256.";
        }
        if (config.NeighbourSlices is < 0 or > 8)
        {
            errors[nameof(TrainingConfig.NeighbourSlices)] = "Neighbouring slices must be 0 to 8 each side.";
        }
        var multiple = 1 << Math.Clamp(config.Depth - 1, 0, 6);
        if (config.ImageSide < multiple || config.ImageSide > MaxImageSide || config.ImageSide % multiple != 0)
        {
            errors[nameof(TrainingConfig.ImageSide)] = $"The image side must be a multiple of {multiple} (2^(depth − 1)), at most {MaxImageSide}.";
        }
        if (config.Epochs is < 1 or > MaxEpochs)
        {
            errors[nameof(TrainingConfig.Epochs)] = $"Epochs must be 1 to {MaxEpochs}.";
        }
        if (config.StepsPerEpoch is < 1 or > MaxStepsPerEpoch)
        {
            errors[nameof(TrainingConfig.StepsPerEpoch)] = $"Steps per epoch must be 1 to {MaxStepsPerEpoch}.";
        }
        if (config.BatchSize is < 1 or > 256)
        {
            errors[nameof(TrainingConfig.BatchSize)] = "The batch size must be 1 to 256.";
        }
        if (!(config.LearningRate is > 0 and <= 1))
        {
            errors[nameof(TrainingConfig.LearningRate)] = "The learning rate must be above 0 and at most 1.";
        }
        return errors;
    }
}
