using Marten;
using WeakSegPortal.Core.Items;

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

    /// <summary>Items, complete items (submitted by as many annotators as the project asks) and adjudicated items, per project.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ProjectProgress>> ProgressAsync(IQuerySession session, IReadOnlyList<ProjectSummary> projects, CancellationToken ct)
    {
        var ids = projects.Select(p => p.Id).ToArray();
        // Three small fields per item, counted here: projects hold thousands of items, not millions.
        var rows = await session.Query<ItemView>()
            // Hidden repeats are one annotator's second look, not items of the data set.
            .Where(i => ids.Contains(i.ProjectId) && i.RepeatOf == null)
            .Select(i => new ItemProgressRow { ProjectId = i.ProjectId, Submitted = i.SubmittedBy.Count, Adjudicated = i.Adjudication != null })
            .ToListAsync(ct);
        var byProject = rows.ToLookup(r => r.ProjectId);
        return projects.ToDictionary(p => p.Id, p =>
        {
            var items = byProject[p.Id].ToList();
            return new ProjectProgress(items.Count, items.Count(i => i.Submitted >= p.AnnotatorsPerItem), items.Count(i => i.Adjudicated));
        });
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
