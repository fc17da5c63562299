using Marten;
using WeakSegPortal.Core.Items.Sampling;

namespace WeakSegPortal.Core.Projects;

/// <summary>A project manager creates a project: validate the draft, start the project's stream.</summary>
public sealed record CreateProject(ProjectDraft Draft, Guid By);

public sealed class CreateProjectHandler(IDocumentSession session, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(CreateProject command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var draft = command.Draft;
        var errors = ProjectDraftValidator.Validate(draft);
        if (errors.Count == 0 && await ProjectNames.IsTakenAsync(session, draft.Name, except: null, ct))
        {
            errors[nameof(ProjectDraft.Name)] = $"A project named \"{draft.Name.Trim()}\" exists already.";
        }
        if (errors.Count > 0)
        {
            return CommandResult.Refused(errors);
        }
        var id = Guid.CreateVersion7();
        var classes = draft.Classes
            .Select((c, i) => new LabelClass(i + 1, c.Name.Trim(), c.Colour.ToLowerInvariant()))
            .ToList();
        var created = new ProjectCreated(
            id,
            draft.Name.Trim(),
            draft.Description.Trim(),
            draft.Modality,
            classes,
            [.. draft.AllowedKinds.Order()],
            draft.AnnotatorsPerItem,
            draft.GoldRate,
            draft.Guidelines,
            command.By,
            clock.GetUtcNow());
        var events = new List<object> { created };
        if (draft.SuggestionEngine != SuggestionEngineNames.Default)
        {
            events.Add(new SuggestionEngineChosen(id, draft.SuggestionEngine, command.By, created.At));
        }
        if (draft.SamplingStrategy != SamplingStrategies.Default)
        {
            events.Add(new SamplingStrategyChosen(id, draft.SamplingStrategy, command.By, created.At));
        }
        if (draft.AutoTrainAfterItems > 0)
        {
            events.Add(new AutoTrainingChosen(id, draft.AutoTrainAfterItems, command.By, created.At));
        }
        if (draft.RepeatShare > 0)
        {
            events.Add(new RepeatShareChosen(id, draft.RepeatShare, command.By, created.At));
        }
        session.Events.StartStream<Project>(id, [.. events]);
        await session.SaveChangesAsync(ct);
        return CommandResult.Ok(id);
    }
}
