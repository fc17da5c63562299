using Marten.Events.Aggregation;

namespace WeakSegPortal.Core.Training;

/// <summary>Builds <see cref="ProjectModels"/> from the project's model stream. Inline: a promotion serves the next suggestion.</summary>
public sealed class ProjectModelsProjection : SingleStreamProjection<ProjectModels, Guid>
{
    public static ProjectModels Create(ModelVersionRegistered e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var models = new ProjectModels { Id = ModelStreams.ForProject(e.ProjectId), ProjectId = e.ProjectId };
        Apply(e, models);
        return models;
    }

    public static void Apply(ModelVersionRegistered e, ProjectModels models)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(models);
        models.Versions.Add(new ModelVersionSummary(
            e.ModelVersionId, e.Version, e.JobId, e.Config, e.Classes, e.CheckpointHash, e.OnnxHash, e.FinalLoss, e.ValidationDice,
            e.TrainingItems, e.ValidationItems, e.LabelledItems.Count, e.TrainingMs, e.Uncertainties, e.At));
    }

    public static void Apply(ModelPromoted e, ProjectModels models)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(models);
        models.PromotedVersionId = e.ModelVersionId;
        models.PromotedBy = e.By;
        models.PromotedAt = e.At;
    }
}
