using WeakSegPortal.ML.Classical;
using WeakSegPortal.Worker.Tests.Support;

namespace WeakSegPortal.Worker.Tests;

/// <summary>The worker's link to the portal's hub: the token, the announcement, reconnecting.</summary>
public sealed class WorkerLinkTests
{
    private const string Token = "machine-token-0123456789abcdef";

    [Fact]
    public async Task Connected_with_the_token_the_worker_announces_its_engines_provider_and_concurrency()
    {
        await using var portal = await StandInPortal.StartAsync(Token);
        await using var worker = WorkerUnderTest.Create(portal.Url, Token);
        await worker.StartAsync();

        await portal.Announcements.WaitForAsync(1);

        var announced = portal.Announcements.Latest.Announcement;
        Assert.Equal(("test-worker", worker.Status.WorkerId, false, "CPU", 2), (announced.Name, announced.WorkerId, announced.Gpu, announced.Provider, announced.MaxConcurrency));
        var box = Assert.Single(announced.Engines, e => e.Name == GrabCutBoxEngine.Name);
        Assert.Equal(("1", "Box, Points, Scribbles", false), (box.Version, box.Accepts, box.NeedsEmbedding));
        Assert.Contains(announced.Engines, e => e.Name == SeededGrabCutEngine.Name);
        await Eventually.HoldsAsync(() => worker.Status.State == LinkState.Connected, "the worker counts itself connected");
    }

    [Fact]
    public async Task After_the_portal_drops_the_connection_the_worker_reconnects_and_announces_again()
    {
        await using var portal = await StandInPortal.StartAsync(Token);
        await using var worker = WorkerUnderTest.Create(portal.Url, Token);
        await worker.StartAsync();
        await portal.Announcements.WaitForAsync(1);
        var first = portal.Announcements.Latest;
        // Dropped before the portal's answer to the first announcement is back, the worker would never count that one (its
        // call fails with the connection) and would count 1 after reconnecting: CI saw that once. Drop once it counted it.
        await Eventually.HoldsAsync(() => worker.Status.Announcements == 1, "the worker counts its first announcement");

        portal.DropWorkerConnection();
        await portal.Announcements.WaitForAsync(2);

        var second = portal.Announcements.Latest;
        Assert.NotEqual(first.ConnectionId, second.ConnectionId);
        Assert.Equal(first.Announcement.WorkerId, second.Announcement.WorkerId);
        // The worker counts an announcement once the portal's answer is back, a moment after the portal logged it.
        await Eventually.HoldsAsync(() => worker.Status.Announcements == 2, "the worker counts both announcements");
    }

    [Fact]
    public async Task A_wrong_token_is_refused_and_the_worker_never_announces()
    {
        await using var portal = await StandInPortal.StartAsync(Token);
        await using var worker = WorkerUnderTest.Create(portal.Url, "not-the-machine-token-0123456789");
        await worker.StartAsync();

        await Eventually.HoldsAsync(() => worker.Status.State == LinkState.Refused, "the worker sees its token refused");

        Assert.True(portal.Refusals >= 1);
        Assert.Equal(0, portal.Announcements.Count);
        Assert.Contains("refused this worker's token (401)", worker.Status.LastFailure, StringComparison.Ordinal);
    }
}
