using Marten;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Exports;

/// <summary>A project manager asks for an export of a project (or the items a filter keeps) in some formats.</summary>
public sealed record RequestExport(Guid ProjectId, IReadOnlyList<string> Formats, ExportFilter Filter, Guid By);

/// <summary>Checks the formats and the project, then starts the export's stream with <see cref="ExportRequested"/>; a runner writes it.</summary>
public sealed class RequestExportHandler(IDocumentSession session, TimeProvider clock, IEnumerable<IExportListener> listeners)
{
    public const string FormatsField = nameof(RequestExport.Formats);

    public async Task<CommandResult> HandleAsync(RequestExport command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Formats is not { Count: > 0 })
        {
            return CommandResult.Refused(FormatsField, "Choose at least one format.");
        }
        if (command.Formats.FirstOrDefault(f => !ExportFormats.All.Contains(f)) is { } unknown)
        {
            return CommandResult.Refused(FormatsField, $"\"{unknown}\" is not an export format; choose from {string.Join(", ", ExportFormats.All)}.");
        }
        if (await session.LoadAsync<ProjectSummary>(command.ProjectId, ct) is null)
        {
            return CommandResult.Refused("", "This project does not exist.");
        }
        if (command.Formats.Contains(ExportFormats.DicomSeg) && !await DicomSources.AnyInProjectAsync(session, command.ProjectId, ct))
        {
            return CommandResult.Refused(FormatsField, DicomSources.NoneMessage);
        }
        var id = Guid.NewGuid();
        // The weak labels are always written: they are what every other format is made from.
        string[] formats = [.. ExportFormats.All.Where(f => f == ExportFormats.WeakLabels || command.Formats.Contains(f))];
        session.Events.StartStream<ProjectExport>(id, new ExportRequested(id, command.ProjectId, formats, command.Filter ?? ExportFilter.All, command.By, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        await ExportChange.TellAsync(listeners, new ExportChange(command.ProjectId, id, ExportChange.Requested), ct);
        return CommandResult.Ok(id);
    }
}
