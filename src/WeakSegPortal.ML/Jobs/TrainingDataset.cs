using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.ML.Jobs;

/// <summary>
/// Web → worker (<c>GET /api/worker/training/{jobId}/dataset?attempt=N</c>): what one job learns from. Every item of the
/// project is listed (to score uncertainty afterwards); labelled ones carry their labels. <see cref="TrainingClass.Id"/>s are
/// the project's class ids (background is 0 and not listed).
/// </summary>
public sealed record TrainingDataset(Guid JobId, Guid ProjectId, IReadOnlyList<TrainingClass> Classes, IReadOnlyList<TrainingItem> Items);

/// <summary>One class of the project.</summary>
public sealed record TrainingClass(int Id, string Name);

/// <summary>
/// One item: its volume (fetched by content hash), its role, and its labels. <paramref name="Adjudicated"/> is the QA lead's
/// adjudicated label set where there is one (it wins); otherwise the worker builds a reliability-weighted consensus of
/// <paramref name="Annotators"/>. A <paramref name="Role"/> of "validation" marks a gold item held out from training: its
/// <paramref name="Reference"/> holds the gold full masks. "unlabelled" items are only scored.
/// </summary>
public sealed record TrainingItem(
    Guid ItemId, string VolumeHash, string Modality, string Role,
    WeakLabels? Adjudicated, IReadOnlyList<AnnotatorWeakLabels> Annotators, WeakLabels? Reference)
{
    public const string Train = "train";
    public const string Validation = "validation";
    public const string Unlabelled = "unlabelled";
}

/// <summary>One annotator's submitted labels of an item, with the reliability the QA desk measured for them (0–1).</summary>
public sealed record AnnotatorWeakLabels(Guid AnnotatorId, double Reliability, WeakLabels Labels);
