using JasperFx.Events;
using Marten;

namespace WeakSegPortal.Core.Projects;

/// <summary>A project manager sets who annotates and who reviews a project; one event per person added or removed.</summary>
public sealed record SetProjectTeam(Guid ProjectId, IReadOnlyCollection<ProjectMember> Members, Guid By);

public sealed class SetProjectTeamHandler(IDocumentSession session, TimeProvider clock)
{
    public Task<CommandResult> HandleAsync(SetProjectTeam command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token), ct);
    }

    private async Task<CommandResult> DecideAsync(IDocumentSession session, SetProjectTeam command, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Project>(command.ProjectId, ct);
        if (stream.Aggregate is not { } project)
        {
            return CommandResult.Refused("", "This project does not exist.");
        }
        var wanted = command.Members.ToHashSet();
        if (ProjectDraftValidator.TeamError(wanted) is { } teamError)
        {
            return CommandResult.Refused(nameof(SetProjectTeam.Members), teamError);
        }
        var events = ProjectChanges.OfTeam(project, wanted, command.By, clock.GetUtcNow());
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            await session.SaveChangesAsync(ct);
        }
        return CommandResult.Ok(project.Id);
    }
}
