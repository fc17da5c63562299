using Microsoft.AspNetCore.SignalR;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Worker.Tests.Support;

/// <summary>Every announcement the stand-in portal received, with the connection it came on; waits for the n-th.</summary>
public sealed class AnnouncementLog
{
    private readonly Lock _gate = new();
    private readonly List<(string ConnectionId, HubCallerContext Context, WorkerAnnouncement Announcement)> _received = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _received.Count;
            }
        }
    }

    public (string ConnectionId, HubCallerContext Context, WorkerAnnouncement Announcement) Latest
    {
        get
        {
            lock (_gate)
            {
                return _received[^1];
            }
        }
    }

    public void Add(string connectionId, HubCallerContext context, WorkerAnnouncement announcement)
    {
        lock (_gate)
        {
            _received.Add((connectionId, context, announcement));
            foreach (var waiter in _waiters.Where(w => _received.Count >= w.Count))
            {
                waiter.Reached.TrySetResult();
            }
        }
    }

    public Task WaitForAsync(int count)
    {
        lock (_gate)
        {
            if (_received.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
