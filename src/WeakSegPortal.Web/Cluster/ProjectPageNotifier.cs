namespace WeakSegPortal.Web.Cluster;

/// <summary>
/// Tells the open pages of one project in this process that something of that project changed: a page subscribes and gets
/// a disposable back. A broadcast over <see cref="ClusterChannel{T}"/> brings it the changes stored on any node. The
/// training and export pages each have one (<c>TrainingNotifier</c>, <c>ExportNotifier</c>).
/// </summary>
public abstract class ProjectPageNotifier<TChange>(ILogger log) where TChange : class
{
    private readonly Lock _gate = new();
    private readonly List<(Guid ProjectId, Func<TChange, Task> Listener)> _pages = [];

    /// <summary>The project a change belongs to.</summary>
    protected abstract Guid ProjectOf(TChange change);

    /// <summary>What changed, in words for the log (e.g. "export 3f…").</summary>
    public abstract string Describe(TChange change);

    public IDisposable Subscribe(Guid projectId, Func<TChange, Task> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var entry = (projectId, listener);
        lock (_gate)
        {
            _pages.Add(entry);
        }
        return new Subscription(this, entry);
    }

    public async Task NotifyAsync(TChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var project = ProjectOf(change);
        (Guid ProjectId, Func<TChange, Task> Listener)[] pages;
        lock (_gate)
        {
            pages = [.. _pages.Where(p => p.ProjectId == project)];
        }
        foreach (var (_, listener) in pages)
        {
            try
            {
                await listener(change);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken page must not stop the others (or the caller) from going on.
                PageNotifierLog.PageFailed(log, e, Describe(change));
            }
        }
    }

    private void Remove((Guid, Func<TChange, Task>) entry)
    {
        lock (_gate)
        {
            _pages.Remove(entry);
        }
    }

    private sealed class Subscription(ProjectPageNotifier<TChange> owner, (Guid, Func<TChange, Task>) entry) : IDisposable
    {
        public void Dispose() => owner.Remove(entry);
    }
}
