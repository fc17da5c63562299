using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Marten;

namespace WeakSegPortal.Core.Projects;

/// <summary>A project manager edits a project; each changed setting becomes its own event.</summary>
public sealed record EditProject(Guid ProjectId, ProjectDraft Draft, Guid By);

public sealed class EditProjectHandler(IDocumentSession session, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(EditProject command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var draft = command.Draft;
        var errors = ProjectDraftValidator.Validate(draft);
        if (errors.Count == 0 && await ProjectNames.IsTakenAsync(session, draft.Name, command.ProjectId, ct))
        {
            errors[nameof(ProjectDraft.Name)] = $"A project named \"{draft.Name.Trim()}\" exists already.";
        }
        if (errors.Count > 0)
        {
            return CommandResult.Refused(errors);
        }
        try
        {
            return await AppendChangesAsync(command, ct);
        }
        // The form was loaded at a version: a change made since then is the manager's to look at, not to retry.
        catch (Exception e) when (ConcurrentAppend.IsConcurrentAppend(e))
        {
            return CommandResult.Refused("", "Someone else changed this project meanwhile. Reload it and apply your change again.");
        }
    }

    private async Task<CommandResult> AppendChangesAsync(EditProject command, CancellationToken ct)
    {
        var draft = command.Draft;
        var stream = draft.Version is { } version
            ? await session.Events.FetchForWriting<Project>(command.ProjectId, version, ct)
            : await session.Events.FetchForWriting<Project>(command.ProjectId, ct);
        if (stream.Aggregate is null)
        {
            return CommandResult.Refused("", "This project does not exist.");
        }
        var changes = ProjectChanges.Between(stream.Aggregate, draft, command.By, clock.GetUtcNow(), out var classErrors);
        if (classErrors.Count > 0)
        {
            return CommandResult.Refused(classErrors);
        }
        if (SchemaOrphanRule.NeedsLabels(stream.Aggregate, changes))
        {
            var orphaned = SchemaOrphanRule.Check(stream.Aggregate, changes, await LabelsInUse.ReadAsync(session, command.ProjectId, ct));
            if (orphaned.Count > 0)
            {
                return CommandResult.Refused(orphaned);
            }
        }
        if (changes.Count == 0)
        {
            return CommandResult.Ok(command.ProjectId);
        }
        stream.AppendMany(changes);
        await session.SaveChangesAsync(ct);
        return CommandResult.Ok(command.ProjectId);
    }
}
