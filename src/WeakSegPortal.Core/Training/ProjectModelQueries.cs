using Marten;

namespace WeakSegPortal.Core.Training;

/// <summary>Reads of the model registry.</summary>
public static class ProjectModelQueries
{
    /// <summary>The project's registry, or an empty one when nothing was trained yet.</summary>
    public static async Task<ProjectModels> LoadAsync(IQuerySession session, Guid projectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.LoadAsync<ProjectModels>(ModelStreams.ForProject(projectId), ct)
            ?? new ProjectModels { Id = ModelStreams.ForProject(projectId), ProjectId = projectId };
    }
}
