using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>The portal's worker hub as far as the worker sees it: the method it calls (Announce); jobs go the other way as client results.</summary>
public sealed class StandInWorkerHub(AnnouncementLog announcements) : Hub
{
    public Task Announce(WorkerAnnouncement announcement)
    {
        announcements.Add(Context.ConnectionId, Context, announcement);
        return Task.CompletedTask;
    }
}
