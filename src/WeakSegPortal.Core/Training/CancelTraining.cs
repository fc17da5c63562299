using Marten;

namespace WeakSegPortal.Core.Training;

/// <summary>A project manager stops a training job.</summary>
public sealed record CancelTraining(Guid JobId, Guid By, bool ByManager);

/// <summary>
/// Appends <see cref="TrainingCancelRequested"/>. A job no worker holds ends at once (<see cref="TrainingCancelled"/>, slot
/// freed); a running one ends at its worker's next report or renewal, which is answered "cancel".
/// </summary>
public sealed class CancelTrainingHandler(IDocumentSession session, TimeProvider clock, IEnumerable<ITrainingListener> listeners)
{
    public async Task<CommandResult> HandleAsync(CancelTraining command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!command.ByManager)
        {
            return CommandResult.Refused("", "Only a project manager cancels training.");
        }
        var (result, change) = await ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token),
            () => (CommandResult.Refused("", "The training job kept changing; try again."), (TrainingJobChange?)null), ct);
        if (change is not null)
        {
            await TrainingJobChange.TellAsync(listeners, change, ct);
        }
        return result;
    }

    private async Task<(CommandResult, TrainingJobChange?)> DecideAsync(IDocumentSession session, CancelTraining command, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<TrainingJob>(command.JobId, ct);
        if (stream.Aggregate is not { } job)
        {
            return (CommandResult.Refused("", "This training job does not exist."), null);
        }
        if (job.IsEnded)
        {
            return (CommandResult.Refused("", $"This training job has ended already ({job.Status})."), null);
        }
        if (job.CancelRequested)
        {
            return (CommandResult.Ok(job.Id), null);
        }
        var now = clock.GetUtcNow();
        stream.AppendOne(new TrainingCancelRequested(job.Id, command.By, now));
        var heldByWorker = job.Status == TrainingJobStatus.Running && job.LeaseUntil >= now;
        if (!heldByWorker)
        {
            if (job.Status == TrainingJobStatus.Running)
            {
                stream.AppendOne(new TrainingReleased(job.Id, job.Attempt, "Cancelled while its worker was silent.", now));
            }
            stream.AppendOne(new TrainingCancelled(job.Id, now));
            await TrainingSlotRelease.FreeAsync(session, job.ProjectId, job.Id, null, now, ct);
        }
        await session.SaveChangesAsync(ct);
        return (CommandResult.Ok(job.Id), new TrainingJobChange(job.ProjectId, job.Id, heldByWorker ? TrainingJobChange.CancelAsked : TrainingJobChange.Ended));
    }
}
