using Marten;

namespace WeakSegPortal.Core.Projects;

/// <summary>Reads of the project read models used by pages and endpoints.</summary>
public static class ProjectQueries
{
    public static async Task<IReadOnlyList<ProjectSummary>> ListAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<ProjectSummary>().OrderBy(p => p.Name).ToListAsync(ct);

    /// <summary>The projects a person works on (annotator or QA lead), by name.</summary>
    public static async Task<IReadOnlyList<ProjectSummary>> ListForMemberAsync(IQuerySession session, Guid userId, CancellationToken ct)
    {
        // Few projects per deployment: filter in memory rather than index the JSON array.
        var all = await ListAsync(session, ct);
        return [.. all.Where(p => p.Members.Exists(m => m.UserId == userId))];
    }

    /// <summary>The project as of now, with the stream version an edit must start from.</summary>
    public static async Task<(Project Project, long Version)?> LoadAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var state = await session.Events.FetchStreamStateAsync(id, ct);
        if (state is null)
        {
            return null;
        }
        var project = await session.Events.AggregateStreamAsync<Project>(id, state.Version, token: ct);
        return project is null ? null : (project, state.Version);
    }
}
