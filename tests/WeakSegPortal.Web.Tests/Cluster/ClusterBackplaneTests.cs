using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Suggestions;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Suggestions;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Tests.Cluster;

/// <summary>
/// Two web nodes on one database and one real redis-server: what one node does reaches the connections, QA pages and
/// presence view of the other, and a worker connected to one node answers suggestions asked on the other.
/// </summary>
public sealed class ClusterBackplaneTests(TwoNodes cluster) : IClassFixture<TwoNodes>
{
    private static readonly string[] HotOrCold = ["hot", "cold"];

    private static readonly WireMask Square = FakeWorker.Square(4, 12);

    [Fact]
    public async Task A_suggestion_asked_on_node_A_is_answered_by_a_worker_connected_to_node_B_with_the_trace_carried_along()
    {
        var world = await new SuggestionWorld(cluster.A, "cl-sug").CreateAsync();
        var item = await world.SmallItemAsync(7);
        await using var worker = await FakeWorker.ConnectAsync(cluster.B, "far-worker", "far-worker", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("grabcut-box")]);
        var registryOnA = cluster.A.Services.GetRequiredService<WorkerRegistry>();
        await Eventually.TrueAsync(() => registryOnA.Offering("grabcut-box").Any(w => w.Name == "far-worker"));
        Assert.Equal("node-b", registryOnA.All.Single(w => w.Name == "far-worker").Node);
        await using var hub = await world.ConnectAsync();

        var reply = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, new { x0 = 2, y0 = 2, x1 = 20, y1 = 20 }, slice: 1));

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(("far-worker", false), (reply.RanOn, reply.Retried));
        Assert.Equal(Square.Counts, reply.Mask!.Counts);
        var job = Assert.Single(worker.SuggestJobs);
        Assert.True(ActivityContext.TryParse(job.TraceParent, null, out var trace), $"traceparent '{job.TraceParent}'");
        Assert.NotEqual(default, trace.TraceId);
    }

    [Fact]
    public async Task A_worker_on_node_B_that_drops_mid_job_costs_node_A_one_retry_not_a_wait_for_the_job_timeout()
    {
        var world = await new SuggestionWorld(cluster.A, "cl-drop").CreateAsync();
        var item = await world.SmallItemAsync(13);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<SuggestionJobResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dropping = await FakeWorker.ConnectAsync(cluster.B, "drop-far", "drop-far", _ =>
        {
            arrived.TrySetResult();
            return never.Task;
        }, [FakeWorker.Offer("drop-engine")]);
        var registryOnA = cluster.A.Services.GetRequiredService<WorkerRegistry>();
        await Eventually.TrueAsync(() => registryOnA.Offering("drop-engine").Count == 1);
        await using var hub = await world.ConnectAsync();

        var pending = hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, new { x0 = 2, y0 = 2, x1 = 20, y1 = 20 }, slice: 1, engine: "drop-engine"));
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await dropping.DropAsync();
        // The job timeout is 5 minutes here: an answer within 30 s came from the worker's departure.
        var reply = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(reply.Retried);
        Assert.Equal("web", reply.RanOn);
        never.TrySetResult(FakeWorker.Answer(dropping.SuggestJobs.Single(), Square));
        await dropping.DisposeAsync();
    }

    [Fact]
    public async Task When_the_entry_of_a_workers_node_vanishes_from_Redis_a_job_waiting_on_it_is_retried_at_once()
    {
        var world = await new SuggestionWorld(cluster.A, "cl-gone").CreateAsync();
        var item = await world.SmallItemAsync(17);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<SuggestionJobResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var stuck = await FakeWorker.ConnectAsync(cluster.B, "stuck-far", "stuck-far", _ =>
        {
            arrived.TrySetResult();
            return never.Task;
        }, [FakeWorker.Offer("stuck-engine")]);
        await Eventually.TrueAsync(() => cluster.A.Services.GetRequiredService<WorkerRegistry>().Offering("stuck-engine").Count == 1);
        await using var hub = await world.ConnectAsync();
        var pending = hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, new { x0 = 2, y0 = 2, x1 = 20, y1 = 20 }, slice: 1, engine: "stuck-engine"));
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // What node B's death looks like from node A: its entry expires (here: is deleted) while its connection still holds the job.
        var link = cluster.A.Services.GetRequiredService<WeakSegPortal.Web.Cluster.RedisLink>();
        await Eventually.TrueAsync(() =>
        {
            link.Database.KeyDelete(link.Key("workers:node-b"));
            link.Database.Publish(link.Channel("node-tables"), "workers|node-b-gone");
            return pending.IsCompleted;
        }, TimeSpan.FromSeconds(30));
        var reply = await pending;

        Assert.Equal(("web", true), (reply.RanOn, reply.Retried));
        never.TrySetResult(FakeWorker.Answer(stuck.SuggestJobs.Single(), Square));
    }

    [Fact]
    public async Task An_agreement_change_published_on_one_node_reaches_the_QA_listeners_of_both()
    {
        var change = new AgreementChanged([Guid.NewGuid()], [Guid.NewGuid()], DateTimeOffset.UtcNow);
        var heardOnA = Listen(cluster.A, change);
        var heardOnB = Listen(cluster.B, change);

        await cluster.A.Services.GetRequiredService<AgreementBroadcast>().PublishAsync(change);

        Assert.Equal(change.ItemIds, (await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(15))).ItemIds);
        Assert.Equal(change.ProjectIds, (await heardOnA.Task.WaitAsync(TimeSpan.FromSeconds(15))).ProjectIds);
    }

    [Fact]
    public async Task An_annotator_on_node_A_shows_in_the_presence_view_of_node_B_and_leaves_it_when_they_disconnect()
    {
        var world = await new SuggestionWorld(cluster.A, "cl-pres").CreateAsync();
        var item = await world.SmallItemAsync(9);
        var presenceOnB = cluster.B.Services.GetRequiredService<PresenceTracker>();
        var hub = await world.ConnectAsync();

        await hub.InvokeAsync("Focus", item.ToString());
        await Eventually.TrueAsync(() => presenceOnB.Current.Any(p => p.ItemId == item && p.UserId == world.Annotator));
        await hub.DisposeAsync();

        await Eventually.TrueAsync(() => presenceOnB.Current.All(p => p.ItemId != item));
    }

    [Fact]
    public async Task A_sign_in_on_node_A_opens_the_annotation_hub_on_node_B_with_the_key_ring_in_the_shared_folder()
    {
        await cluster.A.EnsureUserAsync("cl-moving", "cl-moving-password", Roles.Annotator);
        var cookie = await HubClients.CookieAsync(cluster.A, "cl-moving", "cl-moving-password");

        await using var onB = await HubClients.ConnectWithCookieAsync(cluster.B, AnnotationHub.Path, cookie);

        Assert.Equal(HubConnectionState.Connected, onB.State);
        // Both nodes of this test share one machine's default key folder too; the shared folder is what a second machine needs.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(cluster.BlobRoot, "data-protection-keys"), "key-*.xml"));
    }

    [Fact]
    public async Task Health_on_each_node_names_the_node_the_connected_backplane_and_one_hot_and_one_cold_daemon()
    {
        var roles = new Dictionary<string, string>();
        // One database: the account made through node A signs in on both.
        await cluster.A.EnsureUserAsync("cl-admin", "cl-admin-password", Roles.Admin);
        foreach (var node in new[] { cluster.A, cluster.B })
        {
            using var client = await SignIn.AsAsync(node, "cl-admin", "cl-admin-password");
            using var report = await Eventually.GetAsync(
                async () => JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative))),
                d => d.RootElement.GetProperty("checks").GetProperty("backplane").GetProperty("data").GetProperty("backplane").GetString() == "connected");
            var checks = report.RootElement.GetProperty("checks");
            Assert.Equal(node.NodeId, checks.GetProperty("backplane").GetProperty("data").GetProperty("node").GetString());
            var agreement = checks.GetProperty("agreement").GetProperty("data");
            Assert.Equal("HotCold", agreement.GetProperty("daemonMode").GetString());
            Assert.True(agreement.TryGetProperty("lagSeconds", out _));
            roles[node.NodeId] = agreement.GetProperty("role").GetString()!;
        }
        // Both nodes started the daemon; exactly one holds the lock. Read again until the election has settled.
        await Eventually.TrueAsync(() => DaemonRoles(cluster).Order().SequenceEqual(["cold", "hot"]), TimeSpan.FromSeconds(30));
        Assert.All(roles.Values, r => Assert.Contains(r, HotOrCold));
    }

    private static IEnumerable<string> DaemonRoles(TwoNodes nodes) =>
        nodes.Running.Select(n => n.Services.GetRequiredService<WeakSegPortal.Web.Health.DaemonRole>().Current());

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
