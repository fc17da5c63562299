namespace WeakSegPortal.Core.Training;

/// <summary>One registered version of a project's model, as the registry lists it.</summary>
public sealed record ModelVersionSummary(
    Guid ModelVersionId, int Version, Guid JobId, TrainingConfig Config, int Classes, string CheckpointHash, string OnnxHash,
    double FinalLoss, double? ValidationDice, int TrainingItems, int ValidationItems, int LabelledItems, long TrainingMs,
    IReadOnlyList<ItemUncertainty> Uncertainties, DateTimeOffset RegisteredAt);
