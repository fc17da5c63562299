using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// Suggestion workers connect here with a machine token (never a person's cookie: <see cref="WorkerToken.Policy"/>)
/// and announce what they run. Jobs go the other way, as client results (<see cref="SuggestionDispatcher"/>).
/// </summary>
[Authorize(Policy = WorkerToken.Policy)]
public sealed partial class WorkerHub(WorkerRegistry workers, ILogger<WorkerHub> log) : Hub
{
    public const string Path = "/hubs/worker";

    public void Announce(WorkerAnnouncement announcement)
    {
        if (announcement is null || string.IsNullOrWhiteSpace(announcement.WorkerId) || string.IsNullOrWhiteSpace(announcement.Name) || announcement.Engines is null)
        {
            throw new HubException("An announcement needs workerId, name and engines.");
        }
        workers.Announce(Context.ConnectionId, announcement);
        LogAnnounced(log, announcement.Name, announcement.WorkerId, string.Join(", ", announcement.Engines.Select(e => $"{e.Name} {e.Version}")), announcement.Provider, announcement.MaxConcurrency);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        workers.Remove(Context.ConnectionId);
        LogLeft(log, Context.ConnectionId, exception?.Message);
        return base.OnDisconnectedAsync(exception);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Name} ({WorkerId}) announced {Engines} on {Provider}, {MaxConcurrency} at a time")]
    private static partial void LogAnnounced(ILogger logger, string name, string workerId, string engines, string provider, int maxConcurrency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker connection {ConnectionId} left ({Reason})")]
    private static partial void LogLeft(ILogger logger, string connectionId, string? reason);
}
