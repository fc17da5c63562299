using System.Collections.Concurrent;
using Marten;
using Marten.Services;

namespace WeakSegPortal.Core.Projects;

/// <summary>
/// The project rows the annotation path checks every command against (classes, allowed kinds),
/// kept in memory. A commit that touches a project's stream on this node evicts it at once (see
/// <see cref="ProjectSchemaEviction"/>); an age limit bounds how stale another node's change can be.
/// </summary>
public sealed class ProjectSchemaCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (ProjectSummary Project, DateTimeOffset At)> _projects = new();

    public async Task<ProjectSummary?> GetAsync(IQuerySession session, Guid projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = clock.GetUtcNow();
        if (_projects.TryGetValue(projectId, out var cached) && now - cached.At < MaxAge)
        {
            return cached.Project;
        }
        var project = await session.LoadAsync<ProjectSummary>(projectId, ct);
        if (project is not null)
        {
            _projects[projectId] = (project, now);
        }
        return project;
    }

    public void Evict(Guid projectId) => _projects.TryRemove(projectId, out _);
}

/// <summary>Evicts a project from <see cref="ProjectSchemaCache"/> when a commit appends to its stream.</summary>
public sealed class ProjectSchemaEviction(ProjectSchemaCache cache) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(commit);
        foreach (var stream in commit.GetStreams())
        {
            cache.Evict(stream.Id);
        }
        return Task.CompletedTask;
    }
}
