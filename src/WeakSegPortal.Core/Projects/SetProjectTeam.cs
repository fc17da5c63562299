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
        // Blinding: a QA lead sees every annotator's labels, so nobody reviews a project they annotate.
        if (wanted.GroupBy(m => m.UserId).Any(g => g.Select(m => m.Role).Distinct().Count() > 1))
        {
            return CommandResult.Refused(nameof(SetProjectTeam.Members), "A person cannot be both annotator and QA lead of one project: the QA lead sees every annotator's labels.");
        }
        var at = clock.GetUtcNow();
        var current = project.Members.ToHashSet();
        var events = new List<object>();
        events.AddRange(wanted.Except(current).Select(m => new ProjectMemberAdded(project.Id, m.UserId, m.Role, command.By, at)));
        events.AddRange(current.Except(wanted).Select(m => new ProjectMemberRemoved(project.Id, m.UserId, m.Role, command.By, at)));
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            await session.SaveChangesAsync(ct);
        }
        return CommandResult.Ok(project.Id);
    }
}
