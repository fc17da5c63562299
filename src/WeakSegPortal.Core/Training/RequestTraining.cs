using Marten;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Training;

/// <summary>
/// A project manager (or, with <paramref name="By"/> null, the auto-training rule) asks for the project's model to be trained.
/// <paramref name="InitialCheckpointHash"/> names an uploaded checkpoint the web app checked and stored already.
/// </summary>
public sealed record RequestTraining(Guid ProjectId, Guid? By, bool ByManager, TrainingConfig Config, string Reason, string? InitialCheckpointHash = null);

/// <summary>Takes the project's training slot at the version read (one job per project) and starts the job's stream.</summary>
public sealed class RequestTrainingHandler(IDocumentSession session, TimeProvider clock, IEnumerable<ITrainingListener> listeners)
{
    public const string NotManager = "Only a project manager starts training.";

    public async Task<CommandResult> HandleAsync(RequestTraining command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!command.ByManager)
        {
            return CommandResult.Refused("", NotManager);
        }
        if (TrainingConfigRules.Validate(command.Config) is { Count: > 0 } errors)
        {
            return CommandResult.Refused(errors);
        }
        var result = await ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token), ct);
        if (result.Succeeded)
        {
            await TrainingJobChange.TellAsync(listeners, new TrainingJobChange(command.ProjectId, result.Id, TrainingJobChange.Requested), ct);
        }
        return result;
    }

    private async Task<CommandResult> DecideAsync(IDocumentSession session, RequestTraining command, CancellationToken ct)
    {
        if (await session.LoadAsync<ProjectSummary>(command.ProjectId, ct) is null)
        {
            return CommandResult.Refused("", "This project does not exist.");
        }
        var slot = await session.Events.FetchForWriting<TrainingSlot>(ModelStreams.TrainingSlot(command.ProjectId), ct);
        if (slot.Aggregate is { OpenJobId: not null } open)
        {
            return CommandResult.Refused("", open.BusyMessage());
        }
        var jobId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        slot.AppendOne(new TrainingSlotTaken(command.ProjectId, jobId, now));
        session.Events.StartStream<TrainingJob>(jobId,
            new TrainingRequested(jobId, command.ProjectId, command.By, command.Reason.Trim(), command.Config, command.InitialCheckpointHash, now));
        await session.SaveChangesAsync(ct);
        return CommandResult.Ok(jobId);
    }
}
