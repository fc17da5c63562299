using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Training;

/// <summary>
/// Hears stored changes of training jobs (Core's <see cref="ITrainingListener"/>): a requested job is pushed to every connected
/// worker that announced <c>Trains: true</c> (<c>TrainingAvailable()</c>), on whichever node it is connected: the registry lists
/// the other nodes' workers too and the push goes through the hub's backplane.
/// </summary>
public sealed partial class TrainingAvailablePush(IHubContext<WorkerHub> hub, WorkerRegistry workers, ILogger<TrainingAvailablePush> log) : ITrainingListener
{
    public const string TrainingAvailable = "TrainingAvailable";

    public async Task JobChangedAsync(TrainingJobChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind != TrainingJobChange.Requested || workers.Trainers is not { Count: > 0 } trainers)
        {
            return;
        }
        try
        {
            await hub.Clients.Clients([.. trainers.Select(w => w.ConnectionId)]).SendAsync(TrainingAvailable, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Workers also poll (Worker:TrainingPollSeconds): a lost push delays the job, never loses it.
            LogPushFailed(log, e, change.JobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TrainingAvailable for job {JobId} could not be pushed to the workers")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid jobId);
}
