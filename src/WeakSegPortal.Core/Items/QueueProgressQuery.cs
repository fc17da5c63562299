using Marten;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Items;

/// <summary>Reads an annotator's <see cref="QueueProgress"/> in a project; null when they are not its annotator.</summary>
public static class QueueProgressQuery
{
    public static async Task<QueueProgress?> ForAsync(IQuerySession session, Guid projectId, Guid annotator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var project = await session.LoadAsync<ProjectSummary>(projectId, ct);
        if (project is null || !ProjectAccess.CanAnnotate(project, annotator))
        {
            return null;
        }
        var items = await session.Query<ItemView>().Where(i => i.ProjectId == projectId).ToListAsync(ct);
        return QueueProgress.Of(items, annotator, project.AnnotatorsPerItem);
    }
}
