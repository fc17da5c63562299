using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Suggestions;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Workers;
using Xunit.Abstractions;

namespace WeakSegPortal.Web.Tests.Suggestions;

/// <summary>
/// The worker hub with real SignalR clients standing in for the Worker process: the machine token, load shared by
/// rendezvous per item, one retry when a worker fails or drops mid-job, the volume endpoint and /health.
/// </summary>
public sealed class WorkerHubTests(SuggestionPortal factory, ITestOutputHelper output) : IClassFixture<SuggestionPortal>
{
    private static readonly WireMask Square = FakeWorker.Square(4, 12);

    private static readonly object SmallBox = new { x0 = 2, y0 = 2, x1 = 20, y1 = 20 };

    private static bool Same(WireMask? a, WireMask b) => a is not null && (a.Width, a.Height) == (b.Width, b.Height) && a.Counts.SequenceEqual(b.Counts);

    private WorkerRegistry Registry => factory.Services.GetRequiredService<WorkerRegistry>();

    /// <summary>Workers of an earlier test of this class are gone before the next starts.</summary>
    private Task NoWorkersAsync() => Eventually.TrueAsync(() => Registry.All.Count == 0);

    [Fact]
    public async Task A_wrong_or_missing_token_is_refused_with_401_and_logged_and_a_signed_in_persons_cookie_is_not_a_worker_credential()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        using var missing = await client.PostAsync(new Uri($"{WorkerHub.Path}/negotiate?negotiateVersion=1", UriKind.Relative), null);
        using var wrongRequest = new HttpRequestMessage(HttpMethod.Post, $"{WorkerHub.Path}/negotiate?negotiateVersion=1");
        wrongRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-worker-token-at-all");
        using var wrong = await client.SendAsync(wrongRequest);
        using var wrongQuery = await client.GetAsync(new Uri($"/api/worker/volumes/{new string('a', 64)}?access_token=guessed-token-0123456789", UriKind.Relative));
        await factory.EnsureUserAsync("wk-admin", SuggestionWorld.Password, Roles.Admin);
        var cookie = await HubClients.CookieAsync(factory, "wk-admin", SuggestionWorld.Password);
        using var cookieRequest = new HttpRequestMessage(HttpMethod.Post, $"{WorkerHub.Path}/negotiate?negotiateVersion=1");
        cookieRequest.Headers.Add("Cookie", cookie);
        using var withCookie = await client.SendAsync(cookieRequest);

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            [missing.StatusCode, wrong.StatusCode, wrongQuery.StatusCode, withCookie.StatusCode]);
        var refusals = factory.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Refused a worker request", StringComparison.Ordinal)).ToList();
        Assert.Contains(refusals, e => e.Message.Contains("not one of Workers:Tokens", StringComparison.Ordinal));
        Assert.Contains(refusals, e => e.Message.Contains("no worker token", StringComparison.Ordinal));
        Assert.DoesNotContain(refusals, e => e.Message.Contains("not-the-worker-token", StringComparison.Ordinal));
        await Assert.ThrowsAsync<HttpRequestException>(() => FakeWorker.ConnectAsync(factory, "w-bad", "bad", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("grabcut-box")], token: "wrong-token-0123456789abc"));
    }

    [Fact]
    public async Task A_worker_fetches_a_jobs_volume_by_its_hash_with_its_token_exactly_as_stored()
    {
        var world = await new SuggestionWorld(factory, "wk-vol").CreateAsync();
        var item = await world.SmallItemAsync(11);
        await using var scope = factory.Services.CreateAsyncScope();
        var hash = (await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<ItemView>(item))!.VolumeKey;
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SuggestionPortal.Token);

        var bytes = await client.GetByteArrayAsync(new Uri($"/api/worker/volumes/{hash}", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri($"/api/worker/volumes/{new string('0', 64)}", UriKind.Relative));
        using var malformed = await client.GetAsync(new Uri("/api/worker/volumes/not-a-hash", UriKind.Relative));

        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (unknown.StatusCode, malformed.StatusCode));
    }

    [Fact]
    public async Task Two_workers_share_the_items_and_each_items_prompts_stay_with_one_worker()
    {
        await NoWorkersAsync();
        var world = await new SuggestionWorld(factory, "wk-share").CreateAsync();
        var items = new List<Guid>();
        for (var n = 0; n < 12; n++)
        {
            items.Add(await world.SmallItemAsync(100 + n));
        }
        await using var one = await FakeWorker.ConnectAsync(factory, "share-1", "worker-1", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("grabcut-box")]);
        await using var two = await FakeWorker.ConnectAsync(factory, "share-2", "worker-2", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("grabcut-box")]);
        await using var hub = await world.ConnectAsync();

        var replies = new List<(Guid Item, SuggestReply Reply)>();
        var clock = Stopwatch.StartNew();
        foreach (var item in items.Concat(items))
        {
            replies.Add((item, await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, SmallBox, slice: 1))));
        }
        output.WriteLine($"{replies.Count} Suggest calls through two workers: {clock.ElapsedMilliseconds / (double)replies.Count:0.0} ms each on average");

        Assert.All(replies, r => Assert.True(r.Reply.Ok && Same(r.Reply.Mask, Square), r.Reply.Error));
        Assert.All(replies, r => Assert.False(r.Reply.Retried));
        Assert.Equal(24, one.SuggestJobs.Count + two.SuggestJobs.Count);
        Assert.True(one.SuggestJobs.Count >= 2 && two.SuggestJobs.Count >= 2, $"worker-1 {one.SuggestJobs.Count}, worker-2 {two.SuggestJobs.Count}");
        Assert.All(replies.GroupBy(r => r.Item), g => Assert.Single(g.Select(r => r.Reply.RanOn).Distinct()));
        Assert.All(one.SuggestJobs, j => Assert.Equal("grabcut-box", j.Engine));
        var expected = replies.Where(r => r.Reply.RanOn == "worker-1").Select(r => r.Item).Order();
        Assert.Equal(expected, one.SuggestJobs.Select(j => j.ItemId).Order());
    }

    [Fact]
    public async Task A_worker_that_drops_mid_job_costs_one_retry_on_the_other_worker_not_a_hang()
    {
        await NoWorkersAsync();
        var world = await new SuggestionWorld(factory, "wk-drop").CreateAsync();
        var item = await world.SmallItemAsync(200);
        // The dropping worker is the one the item's ranking picks first.
        var (first, second) = RendezvousRanking.Weight("drop-a", item) > RendezvousRanking.Weight("drop-b", item) ? ("drop-a", "drop-b") : ("drop-b", "drop-a");
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<SuggestionJobResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dropping = await FakeWorker.ConnectAsync(factory, first, "dropping", _ =>
        {
            arrived.TrySetResult();
            return never.Task;
        }, [FakeWorker.Offer("grabcut-box")]);
        await using var steady = await FakeWorker.ConnectAsync(factory, second, "steady", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("grabcut-box")]);
        await using var hub = await world.ConnectAsync();

        var clock = Stopwatch.StartNew();
        var pending = hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, SmallBox, slice: 1));
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await dropping.DropAsync();
        var reply = await pending.WaitAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"Answer after the drop: {clock.ElapsedMilliseconds} ms from the request (job timeout 5 min)");

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(("steady", true), (reply.RanOn, reply.Retried));
        Assert.True(Same(reply.Mask, Square));
        Assert.Single(steady.SuggestJobs);
        never.TrySetResult(FakeWorker.Answer(dropping.SuggestJobs.Single(), Square));
        await dropping.DisposeAsync();
    }

    [Fact]
    public async Task When_the_items_worker_has_no_free_slot_the_other_worker_takes_the_job()
    {
        await NoWorkersAsync();
        var world = await new SuggestionWorld(factory, "wk-busy").CreateAsync();
        var items = new List<Guid>();
        for (var seed = 500; items.Count < 2; seed++)
        {
            var item = await world.SmallItemAsync(seed);
            if (RendezvousRanking.Weight("busy-1", item) > RendezvousRanking.Weight("free-1", item))
            {
                items.Add(item);
            }
        }
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var busy = await FakeWorker.ConnectAsync(factory, "busy-1", "busy", async j =>
        {
            arrived.TrySetResult();
            await gate.Task;
            return FakeWorker.Answer(j, Square);
        }, [FakeWorker.Offer("grabcut-box")], maxConcurrency: 1);
        await using var free = await FakeWorker.ConnectAsync(factory, "free-1", "free", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("grabcut-box")]);
        // Two tabs: a hub connection runs one call at a time, so the second prompt comes from another connection.
        await using var hub = await world.ConnectAsync();
        await using var otherTab = await world.ConnectAsync();

        var held = hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(items[0], SmallBox, slice: 1));
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var overflow = await otherTab.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(items[1], SmallBox, slice: 1)).WaitAsync(TimeSpan.FromSeconds(30));
        gate.SetResult();
        var first = await held.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(("free", false), (overflow.RanOn, overflow.Retried));
        Assert.Equal(("busy", false), (first.RanOn, first.Retried));
        Assert.Equal([items[0]], busy.SuggestJobs.Select(j => j.ItemId));
    }

    [Fact]
    public async Task A_lone_worker_that_fails_mid_job_is_retried_once_by_the_web_apps_classical_engine()
    {
        await NoWorkersAsync();
        var world = await new SuggestionWorld(factory, "wk-fail").CreateAsync();
        var item = await world.SmallItemAsync(300);
        await using var failing = await FakeWorker.ConnectAsync(factory, "fail-1", "failing",
            _ => throw new InvalidOperationException("CUDA out of memory"), [FakeWorker.Offer("grabcut-box")]);
        await using var hub = await world.ConnectAsync();

        var reply = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, SmallBox, slice: 1)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(("web", true, "grabcut-box", "OpenCV"), (reply.RanOn, reply.Retried, reply.Engine, reply.Provider));
        Assert.Single(failing.SuggestJobs);
    }

    [Fact]
    public async Task An_engine_only_a_worker_offers_is_answered_there_and_the_health_of_an_admin_lists_the_worker()
    {
        await NoWorkersAsync();
        var world = await new SuggestionWorld(factory, "wk-sam").CreateAsync();
        var item = await world.SmallItemAsync(400);
        await using var sam = await FakeWorker.ConnectAsync(factory, "sam-1", "gpu-worker-1", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("mobilesam", needsEmbedding: true)]);
        await using var hub = await world.ConnectAsync();

        var reply = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, SmallBox, slice: 1, engine: "mobilesam"));
        await factory.EnsureUserAsync("wk-health-admin", SuggestionWorld.Password, Roles.Admin);
        using var admin = await SignIn.AsAsync(factory, "wk-health-admin", SuggestionWorld.Password);
        using var anonymous = factory.CreateClient();
        var adminHealth = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement;
        var probe = await anonymous.GetStringAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(("mobilesam", "gpu-worker-1", "CUDA", false), (reply.Engine, reply.RanOn, reply.Provider, reply.Retried));
        var listed = adminHealth.GetProperty("checks").GetProperty("workers").GetProperty("data").GetProperty("workers")[0];
        Assert.Equal(("gpu-worker-1", true, "CUDA", "mobilesam 1"),
            (listed.GetProperty("name").GetString(), listed.GetProperty("gpu").GetBoolean(), listed.GetProperty("provider").GetString(), listed.GetProperty("engines")[0].GetString()));
        Assert.DoesNotContain("gpu-worker-1", probe, StringComparison.Ordinal);
        Assert.DoesNotContain("checks", probe, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_set_to_grabcut_seeded_answers_a_box_alone_and_a_box_with_a_click_with_grabcut_seeded()
    {
        await NoWorkersAsync();
        var auto = await new SuggestionWorld(factory, "wk-auto").CreateAsync();
        var autoItem = await auto.SmallItemAsync(700);
        var seeded = await new SuggestionWorld(factory, "wk-seeded").CreateAsync();
        await seeded.ChooseEngineAsync("grabcut-seeded");
        var item = await seeded.SmallItemAsync(701);
        await using var autoHub = await auto.ConnectAsync();
        await using var hub = await seeded.ConnectAsync();
        object[] click = [new { x = 10, y = 10, positive = true }];

        var byPrompt = await autoHub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(autoItem, SmallBox, slice: 1));
        var boxAlone = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, SmallBox, slice: 1));
        var boxAndClick = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, SmallBox, click, slice: 1));
        var status = await hub.InvokeAsync<SuggestionStatus>("GetSuggestionStatus", item.ToString());

        Assert.Equal("grabcut-box", byPrompt.Engine);
        Assert.Equal(("grabcut-seeded", "web"), (boxAlone.Engine, boxAlone.RanOn));
        Assert.Equal(("grabcut-seeded", "web"), (boxAndClick.Engine, boxAndClick.RanOn));
        Assert.Equal("grabcut-seeded", status.Engine);
    }

    [Fact]
    public async Task A_project_set_to_an_engine_only_a_worker_offers_is_answered_there_and_refused_clearly_when_that_worker_is_gone()
    {
        await NoWorkersAsync();
        var world = await new SuggestionWorld(factory, "wk-sam").CreateAsync();
        await world.ChooseEngineAsync("test-sam");
        var item = await world.SmallItemAsync(710);
        var sam = await FakeWorker.ConnectAsync(factory, "sam-1", "sam-gpu", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("test-sam")]);
        await using var classical = await FakeWorker.ConnectAsync(factory, "box-1", "box-cpu", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("grabcut-box")]);
        await using var hub = await world.ConnectAsync();

        var there = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, SmallBox, slice: 1));
        await sam.DisposeAsync();
        await Eventually.TrueAsync(() => Registry.Offering("test-sam").Count == 0);
        var gone = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, SmallBox, slice: 1));

        Assert.True(there.Ok, there.Error);
        Assert.Equal(("test-sam", "sam-gpu"), (there.Engine, there.RanOn));
        Assert.Equal(["test-sam"], sam.SuggestJobs.Select(j => j.Engine));
        Assert.Empty(classical.SuggestJobs);
        Assert.False(gone.Ok);
        Assert.Equal("No worker offers 'test-sam' right now.", gone.Error);
    }

    [Fact]
    public async Task When_the_annotators_call_is_cancelled_during_a_job_the_worker_is_told_to_cancel_exactly_that_job()
    {
        await NoWorkersAsync();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<SuggestionJobResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var slow = await FakeWorker.ConnectAsync(factory, "slow-1", "slow", _ =>
        {
            arrived.TrySetResult();
            return never.Task;
        }, [FakeWorker.Offer("grabcut-box")]);
        await using var scope = factory.Services.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<SuggestionDispatcher>();
        var job = new SuggestionJob(Guid.NewGuid(), "grabcut-box", Guid.NewGuid(), new string('a', 64), "CT",
            new WirePrompt(Guid.NewGuid(), "axial", 0, 1, new WireBox(2, 2, 20, 20), [], []));
        var image = new PromptImage(job.ItemId.ToString(), SliceOrientation.Axial, 0, 32, 32, new float[32 * 32], 1, 1, "CT");
        using var annotatorLeft = new CancellationTokenSource();

        var pending = dispatcher.SuggestAsync(job, image, annotatorLeft.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await annotatorLeft.CancelAsync();
        Assert.NotNull(await Record.ExceptionAsync(() => pending));
        await Eventually.TrueAsync(() => !slow.CancelledJobs.IsEmpty);

        Assert.Equal([job.JobId], slow.CancelledJobs);
        never.TrySetResult(FakeWorker.Answer(slow.SuggestJobs.Single(), Square));
    }

    [Fact]
    public async Task A_job_that_is_answered_is_never_cancelled()
    {
        await NoWorkersAsync();
        var world = await new SuggestionWorld(factory, "wk-nocancel").CreateAsync();
        var item = await world.SmallItemAsync(721);
        await using var quick = await FakeWorker.ConnectAsync(factory, "quick-1", "quick", j => Task.FromResult(FakeWorker.Answer(j, Square)), [FakeWorker.Offer("grabcut-box")]);
        await using var hub = await world.ConnectAsync();

        var reply = await hub.InvokeAsync<SuggestReply>("Suggest", SuggestionWorld.Request(item, SmallBox, slice: 1));

        Assert.Equal("quick", reply.RanOn);
        Assert.Empty(quick.CancelledJobs);
    }
}
