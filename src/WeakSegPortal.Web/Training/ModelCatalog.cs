using Marten;
using WeakSegPortal.Core.Training;

namespace WeakSegPortal.Web.Training;

/// <summary>A project's model versions and its promoted one (the registry, <see cref="ProjectModels"/>), as the training page and the "project-model" engine read them.</summary>
public sealed class ModelCatalog(IQuerySession session)
{
    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<ModelVersionSummary>> VersionsAsync(Guid projectId, CancellationToken ct) =>
        [.. (await ProjectModelQueries.LoadAsync(session, projectId, ct)).Versions.OrderByDescending(v => v.Version)];

    public async Task<ModelVersionSummary?> PromotedAsync(Guid projectId, CancellationToken ct) =>
        (await ProjectModelQueries.LoadAsync(session, projectId, ct)).Promoted;

    public async Task<ModelVersionSummary?> VersionAsync(Guid projectId, Guid versionId, CancellationToken ct) =>
        (await ProjectModelQueries.LoadAsync(session, projectId, ct)).Find(versionId);
}
