using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Training;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// Suggestion workers connect here with a machine token (never a person's cookie: <see cref="WorkerToken.Policy"/>)
/// and announce what they run. Jobs go the other way, as client results (<see cref="SuggestionDispatcher"/>).
/// Workers that train claim jobs and report on them here (<see cref="TrainingDesk"/>, docs/training-protocol.md).
/// </summary>
[Authorize(Policy = WorkerToken.Policy)]
public sealed partial class WorkerHub(WorkerRegistry workers, ILogger<WorkerHub> log) : Hub
{
    public const string Path = "/hubs/worker";

    public void Announce(WorkerAnnouncement announcement)
    {
        if (announcement is null || string.IsNullOrWhiteSpace(announcement.WorkerId) || string.IsNullOrWhiteSpace(announcement.Name) || announcement.Engines is null)
        {
            throw new HubException("An announcement needs workerId, name and engines.");
        }
        workers.Announce(Context.ConnectionId, announcement);
        LogAnnounced(log, announcement.Name, announcement.WorkerId, string.Join(", ", announcement.Engines.Select(e => $"{e.Name} {e.Version}")), announcement.Provider, announcement.MaxConcurrency);
    }

    /// <summary>The oldest claimable training job, now held by this worker; null when there is none.</summary>
    public Task<TrainingAssignment?> ClaimTraining([FromServices] TrainingDesk desk)
    {
        if (workers.On(Context.ConnectionId) is not { } worker)
        {
            throw new HubException("Announce first: a training job is claimed by an announced worker.");
        }
        if (!worker.Announcement.Trains)
        {
            throw new HubException("This worker announced Trains: false; it cannot claim training jobs.");
        }
        return desk.ClaimAsync(worker.Announcement.WorkerId, worker.Name, Context.ConnectionAborted);
    }

    public Task<TrainingDirective> ReportTrainingEpoch(TrainingEpochReport report, [FromServices] TrainingDesk desk) =>
        desk.ReportAsync(report, Context.ConnectionAborted);

    public Task<TrainingDirective> RenewTrainingLease(Guid jobId, int attempt, [FromServices] TrainingDesk desk) =>
        desk.RenewAsync(jobId, attempt, Context.ConnectionAborted);

    public Task<Guid> CompleteTraining(TrainingOutcome outcome, [FromServices] TrainingDesk desk) =>
        desk.CompleteAsync(outcome, Context.ConnectionAborted);

    public Task FailTraining(Guid jobId, int attempt, string reason, [FromServices] TrainingDesk desk) =>
        desk.FailAsync(jobId, attempt, reason, Context.ConnectionAborted);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        workers.Remove(Context.ConnectionId);
        LogLeft(log, Context.ConnectionId, exception?.Message);
        return base.OnDisconnectedAsync(exception);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Name} ({WorkerId}) announced {Engines} on {Provider}, {MaxConcurrency} at a time")]
    private static partial void LogAnnounced(ILogger logger, string name, string workerId, string engines, string provider, int maxConcurrency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker connection {ConnectionId} left ({Reason})")]
    private static partial void LogLeft(ILogger logger, string connectionId, string? reason);
}
