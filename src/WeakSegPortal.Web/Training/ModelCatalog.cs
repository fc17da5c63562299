using Marten;
using WeakSegPortal.Core.Training;

namespace WeakSegPortal.Web.Training;

/// <summary>A project's model versions and its promoted one, as the training page and the "project-model" engine read them.</summary>
public sealed class ModelCatalog(IQuerySession session)
{
    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<ModelVersionRegistered>> VersionsAsync(Guid projectId, CancellationToken ct)
    {
        var versions = await session.Events.QueryRawEventDataOnly<ModelVersionRegistered>().Where(v => v.ProjectId == projectId).ToListAsync(ct);
        return [.. versions.OrderByDescending(v => v.Version)];
    }

    public async Task<ModelVersionRegistered?> PromotedAsync(Guid projectId, CancellationToken ct)
    {
        var promotions = await session.Events.FetchStreamAsync(ModelStreams.ForProject(projectId), token: ct);
        return promotions.Select(e => e.Data).OfType<ModelPromoted>().LastOrDefault() is { } promoted ? await VersionAsync(promoted.ModelVersionId, ct) : null;
    }

    public async Task<ModelVersionRegistered?> VersionAsync(Guid versionId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(versionId, token: ct);
        return events.Select(e => e.Data).OfType<ModelVersionRegistered>().FirstOrDefault();
    }
}
