using Marten;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Training;

/// <summary>The worker of attempt <paramref name="Attempt"/> trained the model and stored its checkpoint and ONNX export as blobs.</summary>
public sealed record CompleteTraining(
    Guid JobId, int Attempt, string CheckpointHash, string OnnxHash, double FinalLoss, double? ValidationDice,
    int TrainingItems, int ValidationItems, IReadOnlyList<Guid> LabelledItems, IReadOnlyList<ItemUncertainty> Uncertainties, long TrainingMs);

/// <summary>
/// Registers the model version on the project's model stream at the version read (version = <see cref="ProjectModels.NextVersion"/>),
/// appends <see cref="TrainingCompleted"/> and frees the slot, in one commit. A repeated completion of the same attempt
/// (the worker's call was cut off after the commit) answers the version registered the first time.
/// </summary>
public sealed class CompleteTrainingHandler(IDocumentSession session, TimeProvider clock, IEnumerable<ITrainingListener> listeners)
{
    public const string NotHeld = "This attempt no longer holds the training job (a later attempt claimed it, or it ended).";

    public async Task<CommandResult> HandleAsync(CompleteTraining command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (result, projectId) = await ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token),
            () => (CommandResult.Refused("", "The training job kept changing; try again."), Guid.Empty), ct);
        if (result.Succeeded && projectId != Guid.Empty)
        {
            await TrainingJobChange.TellAsync(listeners, new TrainingJobChange(projectId, command.JobId, TrainingJobChange.Ended), ct);
        }
        return result;
    }

    private async Task<(CommandResult, Guid)> DecideAsync(IDocumentSession session, CompleteTraining command, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<TrainingJob>(command.JobId, ct);
        if (stream.Aggregate is { Status: TrainingJobStatus.Completed, ModelVersionId: { } registered } done && done.Attempt == command.Attempt)
        {
            return (CommandResult.Ok(registered), Guid.Empty);
        }
        if (TrainingAttemptCheck.Refusal(stream.Aggregate, command.Attempt) is not null)
        {
            return (CommandResult.Refused("", NotHeld), Guid.Empty);
        }
        var job = stream.Aggregate!;
        var project = await session.LoadAsync<ProjectSummary>(job.ProjectId, ct);
        // The network's outputs (UNetOptions.For): one per class id up to the project's highest, background 0.
        var classes = (project is { Classes.Count: > 0 } ? project.Classes.Max(c => c.Id) : 0) + 1;
        var now = clock.GetUtcNow();
        var versionId = Guid.CreateVersion7();
        await TrainingSlotRelease.FreeAsync(session, job.ProjectId, job.Id, versionId, now, ct);
        var registry = await session.Events.FetchForWriting<ProjectModels>(ModelStreams.ForProject(job.ProjectId), ct);
        var version = registry.Aggregate?.NextVersion ?? 1;
        registry.AppendOne(new ModelVersionRegistered(versionId, job.ProjectId, job.Id, version, job.Config, classes,
            command.CheckpointHash, command.OnnxHash, command.FinalLoss, command.ValidationDice, command.TrainingItems, command.ValidationItems,
            command.LabelledItems, command.Uncertainties, command.TrainingMs, now));
        stream.AppendOne(new TrainingCompleted(job.Id, command.Attempt, versionId, now));
        await session.SaveChangesAsync(ct);
        return (CommandResult.Ok(versionId), job.ProjectId);
    }
}
