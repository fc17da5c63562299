using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>A project manager stops an export that has not ended.</summary>
public sealed record CancelExport(Guid ProjectId, Guid ExportId, Guid By);

/// <summary>Appends <see cref="ExportCancelled"/>; the runner sees it at its next progress report and stops, keeping nothing.</summary>
public sealed class CancelExportHandler(IDocumentSession session, TimeProvider clock, IEnumerable<IExportListener> listeners)
{
    public async Task<CommandResult> HandleAsync(CancelExport command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = await ConcurrentAppend.RetryAsync(session, (s, token) => DecideAsync(s, command, token),
            () => CommandResult.Refused("", "The export kept changing; try again."), ct);
        if (result.Succeeded)
        {
            await ExportChange.TellAsync(listeners, new ExportChange(command.ProjectId, command.ExportId, ExportChange.Ended), ct);
        }
        return result;
    }

    private async Task<CommandResult> DecideAsync(IDocumentSession s, CancelExport command, CancellationToken ct)
    {
        var stream = await s.Events.FetchForWriting<ProjectExport>(command.ExportId, ct);
        if (stream.Aggregate is not { } export || export.ProjectId != command.ProjectId)
        {
            return CommandResult.Refused("", "This export does not exist.");
        }
        if (export.IsEnded)
        {
            return CommandResult.Refused("", $"This export has ended already ({export.Status}).");
        }
        stream.AppendOne(new ExportCancelled(export.Id, export.ProjectId, command.By, clock.GetUtcNow()));
        await s.SaveChangesAsync(ct);
        return CommandResult.Ok(export.Id);
    }
}
