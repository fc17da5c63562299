using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>
/// The portal's worker hub as far as the worker sees it: the methods it calls (Announce, and the training methods of
/// docs/training-protocol.md, answered by <see cref="StandInTrainingDesk"/>); jobs go the other way as client results.
/// </summary>
public sealed class StandInWorkerHub(AnnouncementLog announcements, StandInTrainingDesk training) : Hub
{
    public Task Announce(WorkerAnnouncement announcement)
    {
        announcements.Add(Context.ConnectionId, Context, announcement);
        return Task.CompletedTask;
    }

    public TrainingAssignment? ClaimTraining() => training.Claim();

    public Task<TrainingDirective> ReportTrainingEpoch(TrainingEpochReport report) => training.ReportAsync(report);

    public TrainingDirective RenewTrainingLease(Guid jobId, int attempt) => training.Renew(jobId, attempt);

    public Guid CompleteTraining(TrainingOutcome outcome) => training.Complete(outcome);

    public void FailTraining(Guid jobId, int attempt, string reason) => training.Fail(jobId, attempt, reason);
}
