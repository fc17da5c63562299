using JasperFx.Events;
using Marten;

namespace WeakSegPortal.Core.Projects;

/// <summary>A project manager adds an example image to the guidelines (already stored under its key) or removes one.</summary>
public sealed record AddGuidelineExample(Guid ProjectId, string BlobKey, string ContentType, string Caption, Guid By);

public sealed record RemoveGuidelineExample(Guid ProjectId, Guid ExampleId, Guid By);

public sealed class GuidelineExamplesHandler(IDocumentSession session, TimeProvider clock)
{
    public const int MaxExamples = 24;
    public const int MaxCaptionLength = 300;

    public Task<CommandResult> HandleAsync(AddGuidelineExample command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token), ct);
    }

    private async Task<CommandResult> DecideAsync(IDocumentSession session, AddGuidelineExample command, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Project>(command.ProjectId, ct);
        if (stream.Aggregate is not { } project)
        {
            return CommandResult.Refused("", "This project does not exist.");
        }
        if (project.Examples.Count >= MaxExamples)
        {
            return CommandResult.Refused("Examples", $"A project holds at most {MaxExamples} example images.");
        }
        if (command.Caption.Length > MaxCaptionLength)
        {
            return CommandResult.Refused("Caption", $"Keep the caption under {MaxCaptionLength} characters.");
        }
        var example = new GuidelineExample(Guid.CreateVersion7(), command.BlobKey, command.ContentType, command.Caption.Trim());
        stream.AppendOne(new GuidelineExampleAdded(project.Id, example, command.By, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return CommandResult.Ok(example.ExampleId);
    }

    public Task<CommandResult> HandleAsync(RemoveGuidelineExample command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token), ct);
    }

    private async Task<CommandResult> DecideAsync(IDocumentSession session, RemoveGuidelineExample command, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Project>(command.ProjectId, ct);
        if (stream.Aggregate?.Examples.Exists(e => e.ExampleId == command.ExampleId) != true)
        {
            return CommandResult.Refused("", "There is no such example image.");
        }
        stream.AppendOne(new GuidelineExampleRemoved(command.ProjectId, command.ExampleId, command.By, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return CommandResult.Ok(command.ExampleId);
    }
}
