using Marten;

namespace WeakSegPortal.Core.Exports;

/// <summary>
/// How the runner's reports reach an export's stream: the event is appended only while the export is in a state that takes
/// it, retried on a concurrent append, and every export page hears of the stored change.
/// </summary>
public static class ExportAppend
{
    /// <param name="accepts">Whether the export, as stored now, takes the event.</param>
    /// <param name="eventOf">The event to append to that export.</param>
    /// <param name="changeKind">The <see cref="ExportChange"/> kind the pages hear.</param>
    /// <param name="whenBusy">The answer when concurrent appends kept winning.</param>
    /// <returns>True when the event was stored (or <paramref name="whenBusy"/>'s answer).</returns>
    public static async Task<bool> AppendAsync(
        IDocumentSession session,
        IEnumerable<IExportListener> listeners,
        Guid exportId,
        Func<ProjectExport, bool> accepts,
        Func<ProjectExport, object> eventOf,
        string changeKind,
        Func<bool> whenBusy,
        CancellationToken ct)
    {
        Guid? project = null;
        var stored = await ConcurrentAppend.RetryAsync(session, async (s, token) =>
        {
            var stream = await s.Events.FetchForWriting<ProjectExport>(exportId, token);
            if (stream.Aggregate is not { } export || !accepts(export))
            {
                return false;
            }
            stream.AppendOne(eventOf(export));
            await s.SaveChangesAsync(token);
            project = export.ProjectId;
            return true;
        }, whenBusy, ct);
        if (project is { } projectId)
        {
            await ExportChange.TellAsync(listeners, new ExportChange(projectId, exportId, changeKind), ct);
        }
        return stored;
    }
}
