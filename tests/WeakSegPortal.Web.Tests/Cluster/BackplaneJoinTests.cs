using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Suggestions;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Suggestions;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Tests.Cluster;

/// <summary>
/// A connection whose backplane subscription times out (Redis answering, but too slowly, as on a loaded machine) must
/// not be half in the cluster: until SignalR's backplane can reach it, the other nodes are not offered its worker, and
/// it joins by itself once Redis answers in time again.
/// </summary>
public sealed class BackplaneJoinTests(TwoNodes cluster) : IClassFixture<TwoNodes>
{
    private static readonly WireMask Square = FakeWorker.Square(4, 12);

    [Fact]
    public async Task A_worker_whose_backplane_subscription_timed_out_is_offered_to_other_nodes_only_once_it_joined_and_then_answers_there()
    {
        var world = await new SuggestionWorld(cluster.A, "join-late").CreateAsync();
        var item = await world.SmallItemAsync(5);
        var registryOnA = cluster.A.Services.GetRequiredService<WorkerRegistry>();

        // Every Redis client waits 15 s: longer than StackExchange.Redis's 5 s command timeout, so node B's SUBSCRIBE
        // for the worker's connection fails on its side, while Redis itself runs it once the pause ends.
        await using (var admin = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.ConnectionString + ",allowAdmin=true"))
        {
            await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "15000", "ALL");
        }
        await using var worker = await FakeWorker.ConnectAsync(cluster.B, "late-worker", "late-worker", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("grabcut-box")]);
        await Eventually.TrueAsync(() => registryOnA.Offering("grabcut-box").Any(w => w.Name == "late-worker"), TimeSpan.FromSeconds(60));
        // Seen there only after its connection joined: the first SUBSCRIBE timed out, a later one went through.
        Assert.Contains(cluster.B.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("WorkerHub connect", StringComparison.Ordinal));
        Assert.Contains(cluster.B.Logs.Entries, e => e.Message.Contains("joined the Redis backplane", StringComparison.Ordinal));
        await using var hub = await world.ConnectAsync();

        // The job timeout is 5 minutes here: without the join, the job would wait it out and come back from "web".
        var reply = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, new { x0 = 2, y0 = 2, x1 = 20, y1 = 20 }, slice: 1))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(("late-worker", false), (reply.RanOn, reply.Retried));
    }
}
