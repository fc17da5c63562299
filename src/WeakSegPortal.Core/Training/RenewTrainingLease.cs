using Marten;

namespace WeakSegPortal.Core.Training;

/// <summary>The worker of attempt <paramref name="Attempt"/> is inside a long epoch and keeps its claim for <paramref name="Lease"/> more.</summary>
public sealed record RenewTrainingLease(Guid JobId, int Attempt, TimeSpan Lease);

/// <summary>Appends <see cref="TrainingLeaseRenewed"/> at the version read; answers as a report does (cancel and lease-lost included).</summary>
public sealed class RenewTrainingLeaseHandler(IDocumentSession session, TimeProvider clock, IEnumerable<ITrainingListener> listeners)
{
    public async Task<TrainingReportAnswer> HandleAsync(RenewTrainingLease command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (answer, change) = await ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token),
            () => (new TrainingReportAnswer(TrainingVerdict.Continue, clock.GetUtcNow() + command.Lease), (TrainingJobChange?)null), ct);
        if (change is not null)
        {
            await TrainingJobChange.TellAsync(listeners, change, ct);
        }
        return answer;
    }

    private async Task<(TrainingReportAnswer, TrainingJobChange?)> DecideAsync(IDocumentSession session, RenewTrainingLease command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<TrainingJob>(command.JobId, ct);
        if (TrainingAttemptCheck.Refusal(stream.Aggregate, command.Attempt) is { } refusal)
        {
            return (new TrainingReportAnswer(refusal, now), null);
        }
        var job = stream.Aggregate!;
        if (job.CancelRequested)
        {
            stream.AppendOne(new TrainingCancelled(job.Id, now));
            await TrainingSlotRelease.FreeAsync(session, job.ProjectId, job.Id, null, now, ct);
            await session.SaveChangesAsync(ct);
            return (new TrainingReportAnswer(TrainingVerdict.Cancel, now), new TrainingJobChange(job.ProjectId, job.Id, TrainingJobChange.Ended));
        }
        var leaseUntil = now + command.Lease;
        stream.AppendOne(new TrainingLeaseRenewed(job.Id, command.Attempt, leaseUntil, now));
        await session.SaveChangesAsync(ct);
        return (new TrainingReportAnswer(TrainingVerdict.Continue, leaseUntil), null);
    }
}
