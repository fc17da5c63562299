using WeakSegPortal.Core.Exports;

namespace WeakSegPortal.Web.Exports;

/// <summary>
/// Tells open export pages in this process that an export of their project changed (the training pages' notifier pattern:
/// subscribe, get a disposable back); <see cref="ExportBroadcast"/> brings it the changes stored on any node.
/// </summary>
public sealed partial class ExportNotifier(ILogger<ExportNotifier> log)
{
    private readonly Lock _gate = new();
    private readonly List<(Guid ProjectId, Func<ExportChange, Task> Listener)> _pages = [];

    public IDisposable Subscribe(Guid projectId, Func<ExportChange, Task> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var entry = (projectId, listener);
        lock (_gate)
        {
            _pages.Add(entry);
        }
        return new Subscription(this, entry);
    }

    public async Task NotifyAsync(ExportChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        (Guid ProjectId, Func<ExportChange, Task> Listener)[] pages;
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
                // One broken page must not stop the others (or the runner) from going on.
                LogPageFailed(log, e, change.ExportId);
            }
        }
    }

    private void Remove((Guid, Func<ExportChange, Task>) entry)
    {
        lock (_gate)
        {
            _pages.Remove(entry);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An export page failed to hear about export {ExportId}")]
    private static partial void LogPageFailed(ILogger logger, Exception exception, Guid exportId);

    private sealed class Subscription(ExportNotifier owner, (Guid, Func<ExportChange, Task>) entry) : IDisposable
    {
        public void Dispose() => owner.Remove(entry);
    }
}
