using WeakSegPortal.Core.Training;

namespace WeakSegPortal.Web.Training;

/// <summary>
/// Tells open training pages in this process that a job of their project changed (the QA desk's notifier pattern:
/// subscribe, get a disposable back); <see cref="TrainingBroadcast"/> brings it the changes stored on any node.
/// </summary>
public sealed partial class TrainingNotifier(ILogger<TrainingNotifier> log)
{
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

    public async Task NotifyAsync(TrainingJobChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A training page failed to hear about job {JobId}")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, Guid jobId);

    private sealed class Subscription(TrainingNotifier owner, (Guid, Func<TrainingJobChange, Task>) entry) : IDisposable
    {
        public void Dispose() => owner.Remove(entry);
    }
}
