using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Cluster;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Suggestions;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Suggestions;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Tests.Cluster;

/// <summary>Redis dies under two nodes: each goes on alone with a warning, and they share again once it is back, by themselves.</summary>
public sealed class RedisOutageTests(TwoNodes cluster) : IClassFixture<TwoNodes>
{
    private static readonly WireMask Square = FakeWorker.Square(8, 16);

    [Fact]
    public async Task Without_Redis_a_node_serves_its_own_connections_with_a_warning_and_shares_again_when_Redis_is_back()
    {
        var world = await new SuggestionWorld(cluster.A, "out").CreateAsync();
        var item = await world.SmallItemAsync(11);
        await using var near = await FakeWorker.ConnectAsync(cluster.A, "near-worker", "near-worker", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("grabcut-box")]);
        await using var far = await FakeWorker.ConnectAsync(cluster.B, "far-worker-2", "far-worker-2", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("grabcut-seeded")]);
        var registryOnA = cluster.A.Services.GetRequiredService<WorkerRegistry>();
        await Eventually.TrueAsync(() => registryOnA.Offering("grabcut-seeded").Any(w => w.Name == "far-worker-2"));
        await using var hub = await world.ConnectAsync();

        await cluster.Redis.StopAsync();

        var linkOnA = cluster.A.Services.GetRequiredService<RedisLink>();
        await Eventually.TrueAsync(() => !linkOnA.IsConnected);
        await Eventually.TrueAsync(() => cluster.A.Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("unreachable", StringComparison.Ordinal)));
        // Alone: node B's worker is forgotten, node A's own worker still answers, and A's own QA pages still hear.
        await Eventually.TrueAsync(() => registryOnA.Offering("grabcut-seeded").Count == 0, TimeSpan.FromSeconds(20));
        var reply = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, new { x0 = 2, y0 = 2, x1 = 20, y1 = 20 }, slice: 1));
        Assert.True(reply.Ok, reply.Error);
        Assert.Equal("near-worker", reply.RanOn);
        var alone = new AgreementChanged([Guid.NewGuid()], [], DateTimeOffset.UtcNow);
        var heardAlone = Listen(cluster.A, alone);
        await cluster.A.Services.GetRequiredService<AgreementBroadcast>().PublishAsync(alone);
        await heardAlone.Task.WaitAsync(TimeSpan.FromSeconds(15));

        await cluster.Redis.StartAgainAsync();

        await Eventually.TrueAsync(() => linkOnA.IsConnected, TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => registryOnA.Offering("grabcut-seeded").Any(w => w.Name == "far-worker-2"), TimeSpan.FromSeconds(30));
        var shared = new AgreementChanged([Guid.NewGuid()], [], DateTimeOffset.UtcNow);
        var heardOnB = Listen(cluster.B, shared);
        // Subscriptions come back with the connection; keep publishing until B hears (a bounded wait, not a timing claim).
        await Eventually.TrueAsync(() =>
        {
            _ = cluster.A.Services.GetRequiredService<AgreementBroadcast>().PublishAsync(shared);
            return heardOnB.Task.IsCompleted;
        }, TimeSpan.FromSeconds(30));
    }

    private static TaskCompletionSource<AgreementChanged> Listen(ClusterNode node, AgreementChanged expected)
    {
        var heard = new TaskCompletionSource<AgreementChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = node.Services.GetRequiredService<AgreementNotifier>().Subscribe(c =>
        {
            if (c.ItemIds.SequenceEqual(expected.ItemIds))
            {
                heard.TrySetResult(c);
            }
            return Task.CompletedTask;
        });
        _ = heard.Task.ContinueWith(_ => subscription.Dispose(), TaskScheduler.Default);
        return heard;
    }
}
