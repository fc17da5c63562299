using Marten;
using WeakSegPortal.Core;
using WeakSegPortal.Core.Training;

namespace WeakSegPortal.Web.Training;

/// <summary>A manager promotes a version of the project's model (interim until the registry's PromoteModel handler lands on main).</summary>
public sealed class ModelPromotion(IDocumentSession session, TimeProvider clock)
{
    public async Task<CommandResult> PromoteAsync(Guid projectId, Guid versionId, Guid by, bool byManager, CancellationToken ct)
    {
        if (!byManager)
        {
            return CommandResult.Refused("", "Only a project manager promotes a model.");
        }
        var events = await session.Events.FetchStreamAsync(versionId, token: ct);
        if (events.Select(e => e.Data).OfType<ModelVersionRegistered>().FirstOrDefault() is not { } version || version.ProjectId != projectId)
        {
            return CommandResult.Refused("", "This model version does not exist.");
        }
        session.Events.Append(ModelStreams.ForProject(projectId), new ModelPromoted(projectId, versionId, version.Version, by, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return CommandResult.Ok(versionId);
    }
}
