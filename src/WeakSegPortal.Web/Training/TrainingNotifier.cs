using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Training;

/// <summary>
/// Hears stored changes of training jobs (Core's <see cref="ITrainingListener"/>): a requested job is pushed to connected workers
/// that announced <c>Trains: true</c> (<c>TrainingAvailable()</c>), and open training pages of the project re-read what they
/// show (the QA desk's notifier pattern: subscribe, get a disposable back).
/// </summary>
public sealed partial class TrainingNotifier(IHubContext<WorkerHub> hub, WorkerRegistry workers, ILogger<TrainingNotifier> log) : ITrainingListener
{
    public const string TrainingAvailable = "TrainingAvailable";

    private readonly Lock _gate = new();
    private readonly List<(Guid ProjectId, Func<TrainingJobChange, Task> Listener)> _pages = [];

    public IDisposable Subscribe(Guid projectId, Func<TrainingJobChange, Task> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var entry = (projectId, listener);
        lock (_gate)
        {
            _pages.Add(entry);
        }
        return new Subscription(this, entry);
    }

    public async Task JobChangedAsync(TrainingJobChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == TrainingJobChange.Requested && workers.Trainers is { Count: > 0 } trainers)
        {
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
        (Guid ProjectId, Func<TrainingJobChange, Task> Listener)[] pages;
        lock (_gate)
        {
            pages = [.. _pages.Where(p => p.ProjectId == change.ProjectId)];
        }
        foreach (var (_, listener) in pages)
        {
            try
            {
                await listener(change);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken page must not stop the others (or the worker's call) from going on.
                LogPageFailed(log, e, change.JobId);
            }
        }
    }

    private void Remove((Guid, Func<TrainingJobChange, Task>) entry)
    {
        lock (_gate)
        {
            _pages.Remove(entry);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TrainingAvailable for job {JobId} could not be pushed to the workers")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A training page failed to hear about job {JobId}")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, Guid jobId);

    private sealed class Subscription(TrainingNotifier owner, (Guid, Func<TrainingJobChange, Task>) entry) : IDisposable
    {
        public void Dispose() => owner.Remove(entry);
    }
}
