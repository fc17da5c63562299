using Marten;

namespace WeakSegPortal.Core.Training;

/// <summary>A project manager makes one registered version the project's model (the web checks the manager's role).</summary>
public sealed record PromoteModel(Guid ProjectId, Guid ModelVersionId, Guid By);

public sealed class PromoteModelHandler(IDocumentSession session, TimeProvider clock)
{
    public Task<CommandResult> HandleAsync(PromoteModel command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token), ct);
    }

    private async Task<CommandResult> DecideAsync(IDocumentSession session, PromoteModel command, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<ProjectModels>(ModelStreams.ForProject(command.ProjectId), ct);
        if (stream.Aggregate?.Find(command.ModelVersionId) is not { } version)
        {
            return CommandResult.Refused(nameof(PromoteModel.ModelVersionId), "This project has no such model version.");
        }
        if (stream.Aggregate.PromotedVersionId == version.ModelVersionId)
        {
            return CommandResult.Ok(version.ModelVersionId);
        }
        stream.AppendOne(new ModelPromoted(command.ProjectId, version.ModelVersionId, version.Version, command.By, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return CommandResult.Ok(version.ModelVersionId);
    }
}
