using Marten;

namespace WeakSegPortal.Core.Training;

/// <summary>The worker of attempt <paramref name="Attempt"/> cannot go on; <paramref name="Reason"/> is a sentence for the manager.</summary>
public sealed record FailTraining(Guid JobId, int Attempt, string Reason);

/// <summary>Ends the job with <see cref="TrainingFailed"/> and frees the slot; a stale attempt changes nothing.</summary>
public sealed class FailTrainingHandler(IDocumentSession session, TimeProvider clock, IEnumerable<ITrainingListener> listeners)
{
    public const int MaxReasonLength = 2000;

    public async Task<CommandResult> HandleAsync(FailTraining command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? "The worker gave no reason." : command.Reason.Trim();
        if (reason.Length > MaxReasonLength)
        {
            reason = reason[..MaxReasonLength];
        }
        var (result, projectId) = await ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, reason, token),
            () => (CommandResult.Refused("", "The training job kept changing; try again."), Guid.Empty), ct);
        if (result.Succeeded)
        {
            await TrainingJobChange.TellAsync(listeners, new TrainingJobChange(projectId, command.JobId, TrainingJobChange.Ended), ct);
        }
        return result;
    }

    private async Task<(CommandResult, Guid)> DecideAsync(IDocumentSession session, FailTraining command, string reason, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<TrainingJob>(command.JobId, ct);
        if (TrainingAttemptCheck.Refusal(stream.Aggregate, command.Attempt) is not null)
        {
            return (CommandResult.Refused("", CompleteTrainingHandler.NotHeld), Guid.Empty);
        }
        var job = stream.Aggregate!;
        var now = clock.GetUtcNow();
        stream.AppendOne(new TrainingFailed(job.Id, command.Attempt, reason, now));
        await TrainingSlotRelease.FreeAsync(session, job.ProjectId, job.Id, null, now, ct);
        await session.SaveChangesAsync(ct);
        return (CommandResult.Ok(job.Id), job.ProjectId);
    }
}
