using WeakSegPortal.Core.Audit;

namespace WeakSegPortal.Core.Training;

// The model registry (docs/training-protocol.md). Both events go on the project's model stream (ModelStreams.ForProject),
// read inline as ProjectModels: each trained version with its figures, the labels it saw and its configuration, and the
// promoted one (the last promotion).

/// <summary>
/// A training job produced version <paramref name="Version"/> (1, 2, … per project) of the project's model. The blobs are its
/// TorchSharp checkpoint and its ONNX export; <paramref name="Uncertainties"/> are its per-item uncertainties (0–1).
/// </summary>
public sealed record ModelVersionRegistered(
    Guid ModelVersionId, Guid ProjectId, Guid JobId, int Version, TrainingConfig Config, int Classes,
    string CheckpointHash, string OnnxHash, double FinalLoss, double? ValidationDice, int TrainingItems, int ValidationItems,
    IReadOnlyList<Guid> LabelledItems, IReadOnlyList<ItemUncertainty> Uncertainties, long TrainingMs, DateTimeOffset At);

/// <summary>A manager made version <paramref name="Version"/> the project's model: it serves "project-model" suggestions and ranks the queue.</summary>
public sealed record ModelPromoted(Guid ProjectId, Guid ModelVersionId, int Version, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;
