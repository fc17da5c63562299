namespace WeakSegPortal.Core.Training;

/// <summary>
/// A project's model registry (one document per project, id = <see cref="ModelStreams.ForProject"/>): every trained version
/// in order, and the promoted one, which serves "project-model" suggestions and ranks the "informative" queue.
/// </summary>
public sealed class ProjectModels
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public List<ModelVersionSummary> Versions { get; set; } = [];
    public Guid? PromotedVersionId { get; set; }
    public Guid? PromotedBy { get; set; }
    public DateTimeOffset? PromotedAt { get; set; }

    /// <summary>The version the next registration gets: 1, 2, … per project.</summary>
    public int NextVersion => Versions.Count + 1;

    public ModelVersionSummary? Promoted => PromotedVersionId is { } id ? Find(id) : null;

    public ModelVersionSummary? Find(Guid modelVersionId) => Versions.Find(v => v.ModelVersionId == modelVersionId);
}
