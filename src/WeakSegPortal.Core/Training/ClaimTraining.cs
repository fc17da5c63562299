using Marten;

namespace WeakSegPortal.Core.Training;

/// <summary>A worker that trains asks for a job; it holds what it gets for <paramref name="Lease"/>, renewed by its reports.</summary>
public sealed record ClaimTraining(string WorkerId, string WorkerName, TimeSpan Lease);

/// <summary>
/// Gives the oldest claimable job (never claimed, released, or whose lease passed: then <see cref="TrainingReleased"/> is
/// appended first) with <see cref="TrainingClaimed"/> at the version read, so of two workers racing for one job one wins and
/// the other gets the next job or none. A job a manager cancelled while its worker was silent is ended, not handed out.
/// </summary>
public sealed class ClaimTrainingHandler(IDocumentSession session, TimeProvider clock, IEnumerable<ITrainingListener> listeners)
{
    private const int Candidates = 20;

    public async Task<TrainingClaim?> HandleAsync(ClaimTraining command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var open = await session.Query<TrainingJob>()
            .Where(j => j.Status == TrainingJobStatus.Waiting || j.Status == TrainingJobStatus.Running)
            .OrderBy(j => j.RequestedAt).Take(Candidates).ToListAsync(ct);
        foreach (var candidate in open.Where(j => j.IsClaimable(now)))
        {
            await using var attempt = session.DocumentStore.LightweightSession();
            try
            {
                var (claim, change) = await TryClaimAsync(attempt, candidate.Id, command, ct);
                if (change is not null)
                {
                    await TrainingJobChange.TellAsync(listeners, change, ct);
                }
                if (claim is not null)
                {
                    return claim;
                }
            }
            catch (Exception e) when (ConcurrentAppend.IsConcurrentAppend(e))
            {
                // Another worker claimed it (or its worker reported) between our read and our write: try the next job.
            }
        }
        return null;
    }

    private async Task<(TrainingClaim? Claim, TrainingJobChange? Change)> TryClaimAsync(IDocumentSession session, Guid jobId, ClaimTraining command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<TrainingJob>(jobId, ct);
        if (stream.Aggregate is not { } job || !job.IsClaimable(now))
        {
            return (null, null);
        }
        if (job.Status == TrainingJobStatus.Running)
        {
            stream.AppendOne(new TrainingReleased(job.Id, job.Attempt, $"The lease of {job.WorkerName} passed at {job.LeaseUntil:HH:mm:ss} UTC.", now));
        }
        if (job.CancelRequested)
        {
            stream.AppendOne(new TrainingCancelled(job.Id, now));
            await TrainingSlotRelease.FreeAsync(session, job.ProjectId, job.Id, null, now, ct);
            await session.SaveChangesAsync(ct);
            return (null, new TrainingJobChange(job.ProjectId, job.Id, TrainingJobChange.Ended));
        }
        var attempt = job.Attempt + 1;
        var leaseUntil = now + command.Lease;
        stream.AppendOne(new TrainingClaimed(job.Id, attempt, command.WorkerId, command.WorkerName, leaseUntil, now));
        await session.SaveChangesAsync(ct);
        var claim = new TrainingClaim(job.Id, job.ProjectId, attempt, job.Config, leaseUntil, job.CheckpointHash, job.CheckpointHash is null ? 0 : job.CheckpointEpoch, job.InitialCheckpointHash);
        return (claim, new TrainingJobChange(job.ProjectId, job.Id, TrainingJobChange.Claimed));
    }
}
