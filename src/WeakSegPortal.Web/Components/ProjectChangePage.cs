using WeakSegPortal.Web.Cluster;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Components;

/// <summary>
/// A page of one project that re-reads what it shows whenever a change of that project is stored on any node (the training
/// and export pages): it follows a <see cref="ProjectPageNotifier{TChange}"/>, at most one reload every 250 ms.
/// </summary>
public abstract class ProjectChangePage<TChange> : PortalComponentBase where TChange : class
{
    private readonly RefreshThrottle _refresh = new(TimeSpan.FromMilliseconds(250));
    private IDisposable? _listening;

    /// <summary>Reads what the page shows from the store.</summary>
    protected abstract Task LoadAsync();

    /// <summary>From now on, a stored change of the project reloads the page (a new project replaces the old one).</summary>
    protected void FollowChanges(ProjectPageNotifier<TChange> notifier, Guid projectId)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        _listening?.Dispose();
        _listening = notifier.Subscribe(projectId, _ =>
        {
            _refresh.Request(() => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }), Leaving);
            return Task.CompletedTask;
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _listening?.Dispose();
        }
        base.Dispose(disposing);
    }
}
