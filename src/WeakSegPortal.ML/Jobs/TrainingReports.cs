using WeakSegPortal.Core.Training;

namespace WeakSegPortal.ML.Jobs;

/// <summary>Worker → web (<c>ReportTrainingEpoch</c>): one epoch done; renews the lease. The answer says whether to go on.</summary>
public sealed record TrainingEpochReport(
    Guid JobId, int Attempt, int Epoch, int Epochs, double Loss, double? ValidationDice, string? CheckpointHash);

/// <summary>Web → worker: go on (with the renewed lease), stop because a manager cancelled, or stop because this attempt lost its claim.</summary>
public sealed record TrainingDirective(string Action, DateTimeOffset LeaseUntil)
{
    public const string Continue = "continue";
    public const string Cancel = "cancel";
    public const string LeaseLost = "lease-lost";
}

/// <summary>
/// Worker → web (<c>CompleteTraining</c>): the trained model, stored as blobs first (<c>POST /api/worker/blobs</c>): its
/// TorchSharp checkpoint (to resume or fine-tune) and its ONNX export (to serve), with its figures and the model's
/// uncertainty on every item of the dataset (mean per-pixel entropy, 0–1) for "most informative next".
/// </summary>
public sealed record TrainingOutcome(
    Guid JobId, int Attempt, string CheckpointHash, string OnnxHash, double FinalLoss, double? ValidationDice,
    int TrainingItems, int ValidationItems, IReadOnlyList<Guid> LabelledItems, IReadOnlyList<ItemUncertainty> Uncertainties, long TrainingMs);
