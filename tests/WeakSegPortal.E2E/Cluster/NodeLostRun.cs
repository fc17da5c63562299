using System.Diagnostics;
using Npgsql;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Web.Tests.Faults;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.E2E.Cluster;

/// <summary>
/// The node-lost run (issue 12): two web nodes as child processes (HotCold agreement daemon, Redis backplane, one
/// shared blob folder) behind Debian's nginx (<see cref="LoadBalancer"/>), one private redis-server, one private
/// PostgreSQL, one suggestion worker connected through the balancer, N simulated annotators (<see cref="OutboxClient"/>:
/// real SignalR clients with the browser outbox's command ids, resends and reconnects) and one real browser, all through
/// the balancer. Then: the node the browser is on is killed with SIGKILL (and started again, as a deployment would),
/// the node running the agreement daemon is killed (and started again), Redis is restarted. Afterwards every command
/// is held against the event store (<see cref="FaultLedger"/>) and the browser's labels against its stream.
/// </summary>
public sealed class NodeLostRun(NodeLostOptions options)
{
    public const string WorkerToken = "cluster-worker-token-0123456789abcdef";
    private const string Schema = "weakseg";
    private const string BrowserUser = "ann1";

    public async Task<NodeLostReport> RunAsync(CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("weakseg-cluster-").FullName;
        // The cluster's owner (postgres, when we are root) and nginx's workers must be able to enter the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(work, (UnixFileMode)0b111_101_101);
        }
        var keep = false;
        try
        {
            await using var redis = await RedisServer.StartAsync();
            await using var cluster = await PrivateCluster.StartAsync(work, options.PostgresSettings, ct);
            await cluster.CreateDatabaseAsync("cluster", ct);
            var connectionString = cluster.ConnectionString("cluster");
            var blobs = Path.Combine(work, "blobs");
            Directory.CreateDirectory(blobs);
            var shared = new Dictionary<string, string>
            {
                ["Database:ConnectionString"] = connectionString,
                ["Storage:Root"] = blobs,
                ["Redis:ConnectionString"] = redis.ConnectionString,
            };
            options.Log($"seeding the demo project and {options.Annotators} annotators (PostgreSQL on port {cluster.Port}, Redis on {redis.Port})");
            // The demo data (the browser's project) and the data protection key ring go into the shared folder before any node starts.
            var annotators = await FaultWorldSeed.SeedAsync(connectionString, options.Annotators, new Dictionary<string, string>(shared) { ["Seed:Demo"] = "true" }, ct);
            var nodes = Enumerable.Range(0, 2).Select(i => new PortalProcess(new Dictionary<string, string>(shared)
            {
                ["Node:Id"] = $"n{i}",
                ["Redis:NodeTtl"] = "00:00:03",
                ["Agreement:Daemon"] = "HotCold",
                ["Workers:Tokens:0"] = WorkerToken,
                ["Seed:Demo"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            }, Path.Combine(work, $"node-n{i}.log"))).ToArray();
            try
            {
                await Task.WhenAll(nodes.Select(n => n.StartAsync(ct)));
                await using var balancer = await LoadBalancer.StartAsync(Path.Combine(work, "lb"), [.. nodes.Select(n => n.Address)], ct);
                options.Log($"nodes n0 {nodes[0].Address}, n1 {nodes[1].Address} behind nginx on {balancer.Address}");
                await using var worker = WorkerChildProcess.Start(WorkerProcess.Dll, balancer.Address, WorkerToken, "cluster-worker", Path.Combine(work, "worker.log"),
                    new Dictionary<string, string> { ["Worker:MaxConcurrency"] = "1", ["Suggestions:PreferCuda"] = "false" });
                var report = await LoadAndFaultAsync(nodes, balancer, redis, worker, annotators, connectionString, ct);
                keep = report.Ledger.Lost + report.Ledger.Duplicated + report.Ledger.StillPending + report.Ledger.OutOfOrder > 0
                    || report.BrowserStored != report.BrowserSaved || report.Faults.Any(f => f.Recovered == TimeSpan.MaxValue);
                if (keep)
                {
                    options.Log($"kept for inspection: {work}");
                }
                return report;
            }
            catch (Exception)
            {
                keep = true;
                options.Log($"failed; kept for inspection: {work}");
                throw;
            }
            finally
            {
                foreach (var node in nodes)
                {
                    await node.DisposeAsync();
                }
            }
        }
        finally
        {
            if (!keep)
            {
                TryDelete(work);
            }
        }
    }

    private async Task<NodeLostReport> LoadAndFaultAsync(PortalProcess[] nodes, LoadBalancer balancer, RedisServer redis, WorkerChildProcess worker,
        IReadOnlyList<FaultAnnotator> annotators, string connectionString, CancellationToken ct)
    {
        var (adminName, adminPassword) = WorkspaceSteps.Demo("admin");
        var admin = await PortalSignIn.CookieAsync(balancer.Address, adminName, adminPassword, ct);
        var live = new bool[] { true, true };
        async Task<NodeHealth?[]> HealthAsync() =>
            await Task.WhenAll(nodes.Select((n, i) => live[i] ? NodeHealth.ReadAsync(n.Address, admin, ct) : Task.FromResult<NodeHealth?>(null)));
        // The daemon's state on each live node and in the database, logged every second while agreement is awaited.
        async Task<string> DaemonStateAsync()
        {
            var nodesNow = await HealthAsync();
            var progress = await ProgressionAsync(connectionString, ct);
            return string.Join(" | ", nodesNow.Select((h, i) => $"n{i}: {h?.Agreement ?? "down"}")) + $" | mt_event_progression: {progress}";
        }
        var clock = Stopwatch.StartNew();
        NodeHealth?[] health = [];
        if (!await WaitAsync(async () => (health = await HealthAsync()).Count(h => h?.Role == "hot") == 1 && health.Sum(h => h?.WorkersHere ?? 0) == 1, TimeSpan.FromSeconds(90), ct))
        {
            throw new InvalidOperationException($"No hot node and connected worker after 90 s: {string.Join(", ", health.Select(h => h?.ToString() ?? "no answer"))}; worker log: {worker.Log()}");
        }
        var hot = Array.FindIndex(health, h => h?.Role == "hot");
        var cold = 1 - hot;
        options.Log($"n{hot} runs the agreement daemon, n{cold} is cold; the worker is connected ({clock.Elapsed.TotalSeconds:F1} s)");

        using var signIns = new SemaphoreSlim(4);
        var clients = annotators.Select((a, i) => new OutboxClient(balancer.Address, async token =>
        {
            await signIns.WaitAsync(token);
            try
            {
                return await PortalSignIn.CookieAsync(balancer.Address, a.UserName, a.Password, token);
            }
            finally
            {
                signIns.Release();
            }
        }, options.Timing, seed: i)).ToList();
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var drawing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var senders = clients.Select(c => Task.Run(() => c.RunAsync(hardStop.Token), CancellationToken.None)).ToList();
        var drawers = new List<Task>();
        try
        {
            // The annotators connect while the browser opens.
            // The browser is put on the node that is killed first: the cold one when both kills are run, else the daemon's.
            var first = options.KillBothNodes ? cold : hot;
            await using var browser = options.Browser ? await ClusterBrowser.OpenAsync(balancer.Address, $"n{first}", BrowserUser) : null;
            if (browser is not null)
            {
                await browser.DrawAndSaveAsync(TimeSpan.FromSeconds(30));
                options.Log($"the browser labels on {await browser.NodeAsync()} ({clock.Elapsed.TotalSeconds:F1} s)");
            }
            await WaitAsync(() => Task.FromResult(clients.All(c => c.Connects > 0)), TimeSpan.FromMinutes(2), ct);
            options.Log($"{clients.Count} annotators connected ({clock.Elapsed.TotalSeconds:F1} s); drawing");
            drawers.AddRange(clients.Select((c, i) => Task.Run(() => DrawAsync(c, annotators[i].ItemId, new Random(1000 + i), drawing.Token), CancellationToken.None)));
            var loadStarted = clock.Elapsed;
            var faults = new List<ClusterFault>();
            var marks = new List<(string Kind, long At, TimeSpan Injected)>();

            if (options.KillBothNodes)
            {
                // 1. The browser's node (cold) is killed; its annotators and the browser reconnect through nginx to the other.
                await Task.Delay(options.Gap, ct);
                faults.Add(await FaultAsync("web node killed (SIGKILL)", marks, clients, browser, HealthAsync, async () =>
                {
                    await nodes[cold].KillAsync();
                    live[cold] = false;
                }, agreementAfter: null, backplane: false, ct));
                await RestartAsync(nodes, live, cold, ct);
            }

            // 2. The node running the agreement daemon is killed: the other takes the daemon over and agreement keeps updating.
            // Without the first kill it is also the browser's node, and its annotators and the browser go to the other.
            if (!live.All(l => l))
            {
                throw new InvalidOperationException("The first node killed did not come back: the daemon's node cannot be killed with no other node left.");
            }
            await Task.Delay(options.Gap, ct);
            health = await HealthAsync();
            hot = Array.FindIndex(health, h => h?.Role == "hot");
            if (hot < 0)
            {
                throw new InvalidOperationException($"No node runs the daemon before the kill: {string.Join(", ", health.Select(h => h?.ToString() ?? "no answer"))}");
            }
            // Agreement keeps updating: the node that takes over handles events past what had been handled when the hot one died.
            var handled = health.Max(h => h?.HandledSequence ?? 0);
            var newest = health.Max(h => h?.NewestSequence ?? 0);
            // The hot node's pages so far (the slowest with its trace), to compare with the first page of the node taking over.
            options.Log($"before the kill: n{hot}: {health[hot]!.Agreement}");
            faults.Add(await FaultAsync(options.KillBothNodes ? "node running the agreement daemon killed (SIGKILL)" : "web node running the agreement daemon killed (SIGKILL)",
                marks, clients, browser, HealthAsync, async () =>
                {
                    await nodes[hot].KillAsync();
                    live[hot] = false;
                }, agreementAfter: (handled, newest), backplane: false, ct, DaemonStateAsync));
            if (options.KillBothNodes)
            {
                await RestartAsync(nodes, live, hot, ct);
            }

            // 3. Redis is killed and started again on its port: each node goes on alone meanwhile and shares again after.
            await Task.Delay(options.Gap, ct);
            faults.Add(await FaultAsync("Redis restarted", marks, clients, browser, HealthAsync, async () =>
            {
                await redis.StopAsync();
                await Task.Delay(options.RedisDown, ct);
                await redis.StartAgainAsync();
            }, agreementAfter: null, backplane: true, ct));

            await Task.Delay(options.Gap, ct);
            await drawing.CancelAsync();
            await Task.WhenAll(drawers);
            var duration = clock.Elapsed - loadStarted;
            foreach (var client in clients)
            {
                client.Finish();
            }
            var drained = await WaitAsync(() => Task.FromResult(senders.All(s => s.IsCompleted)), options.DrainLimit, ct);
            options.Log(drained ? "every outbox is empty" : $"outboxes still holding {clients.Sum(c => c.Pending)} commands after {options.DrainLimit.TotalSeconds:F0} s");
            await hardStop.CancelAsync();
            await Task.WhenAll(senders);

            var (browserStored, browserIds) = (0, 0);
            if (browser is not null)
            {
                // As the banner asks once the page's circuit went with its node: reload, then label once more.
                await browser.ReloadAsync();
                await browser.DrawAndSaveAsync(TimeSpan.FromSeconds(30));
                (browserStored, browserIds) = await BrowserStreamAsync(connectionString, await browser.ItemAsync(), ct);
            }
            var stored = await EventStoreLedger.ReadAsync(connectionString, Schema, annotators, ct);
            var deaths = nodes.Where((n, i) => live[i] && !n.Running).Count();
            var errors = nodes.SelectMany(n => n.ErrorLines()).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
            var ledger = FaultLedger.Classify(annotators, clients, stored, marks, duration, 0, deaths, errors);
            return new NodeLostReport(ledger, faults, browser?.Saved ?? 0, browserStored, browserIds, browser?.Errors ?? []);
        }
        finally
        {
            await hardStop.CancelAsync();
            await drawing.CancelAsync();
            await Task.WhenAll(senders.Concat(drawers).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>Injects one fault and waits, all at once, for each part to work again.</summary>
    private async Task<ClusterFault> FaultAsync(string kind, List<(string Kind, long At, TimeSpan Injected)> marks, List<OutboxClient> clients, ClusterBrowser? browser,
        Func<Task<NodeHealth?[]>> health, Func<Task> inject, (long Handled, long Newest)? agreementAfter, bool backplane, CancellationToken ct, Func<Task<string>>? daemonState = null)
    {
        var connects = clients.Select(c => c.Connects).ToArray();
        var at = Stopwatch.GetTimestamp();
        await inject();
        var injected = Stopwatch.GetElapsedTime(at);
        marks.Add((kind, at, injected));
        var limit = options.RecoveryLimit;
        var annotatorsBack = SinceAsync(at, () => Task.FromResult(clients.All(c => c.Accepted.Any(a => a.CallStarted >= at))), limit, ct);
        var workerBack = SinceAsync(at, async () => (await health()).Sum(h => h?.WorkersHere ?? 0) == 1, limit, ct);
        Task<TimeSpan?> agreement = agreementAfter is { } seq
            ? SinceAsync(at, async () => (await health()).Any(h => h is { Role: "hot" } && h.HandledSequence > seq.Handled), limit, ct)
            : Task.FromResult<TimeSpan?>(null);
        Task<TimeSpan?> current = agreementAfter is { } last
            ? SinceAsync(at, async () => (await health()).Any(h => h is { Role: "hot" } && h.HandledSequence > last.Newest), limit, ct)
            : Task.FromResult<TimeSpan?>(null);
        Task<TimeSpan?> shared = backplane
            ? SinceAsync(at, async () => (await health()).All(h => h is null || h.Backplane == "connected"), limit, ct)
            : Task.FromResult<TimeSpan?>(null);
        Task<TimeSpan?> browserSaved = browser is null ? Task.FromResult<TimeSpan?>(null) : BrowserSavesAsync(browser, at, limit);
        if (daemonState is not null)
        {
            await TraceAsync(at, Task.WhenAll(agreement, current), daemonState, ct);
        }
        await Task.WhenAll(annotatorsBack, workerBack, agreement, current, shared, browserSaved);
        var firsts = clients.Select(c => c.Accepted.Where(a => a.CallStarted >= at).Select(a => (long?)a.Acked).FirstOrDefault()).ToList();
        var first = firsts.Min() is { } f ? Stopwatch.GetElapsedTime(at, f) : TimeSpan.MaxValue;
        var fault = new ClusterFault(kind, injected, clients.Where((c, i) => c.Connects > connects[i]).Count(), first,
            await annotatorsBack ?? TimeSpan.MaxValue, await browserSaved, await workerBack, await agreement, await shared, await current);
        options.Log(fault.ToString());
        return fault;
    }

    /// <summary>Logs the daemon's state once a second from the fault until <paramref name="until"/> completes.</summary>
    private async Task TraceAsync(long at, Task until, Func<Task<string>> state, CancellationToken ct)
    {
        while (!until.IsCompleted)
        {
            try
            {
                options.Log($"  +{Stopwatch.GetElapsedTime(at).TotalSeconds:F1} s {await state()}");
            }
            catch (NpgsqlException e)
            {
                options.Log($"  +{Stopwatch.GetElapsedTime(at).TotalSeconds:F1} s (no state: {e.Message})");
            }
            await Task.WhenAny(until, Task.Delay(1000, ct));
        }
    }

    /// <summary>The async daemon's progression rows (high water mark, the agreement subscription), name=sequence.</summary>
    private static async Task<string> ProgressionAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"select name, last_seq_id from {Schema}.mt_event_progression order by name", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add($"{reader.GetString(0)}={reader.GetInt64(1)}");
        }
        return string.Join(", ", rows);
    }

    private static async Task<TimeSpan?> BrowserSavesAsync(ClusterBrowser browser, long at, TimeSpan limit)
    {
        try
        {
            await browser.DrawAndSaveAsync(limit);
            return Stopwatch.GetElapsedTime(at);
        }
        catch (TimeoutException)
        {
            return TimeSpan.MaxValue;
        }
        catch (Microsoft.Playwright.PlaywrightException)
        {
            return TimeSpan.MaxValue;
        }
    }

    private async Task RestartAsync(PortalProcess[] nodes, bool[] live, int node, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await nodes[node].StartAsync(ct);
            live[node] = true;
            options.Log($"n{node} started again in {clock.Elapsed.TotalSeconds:F1} s");
        }
        catch (TimeoutException)
        {
            // A start that takes over 2 minutes (an overloaded machine) is reported; the run goes on with the other node.
            await nodes[node].KillAsync();
            options.Log($"n{node} did not answer /health within {clock.Elapsed.TotalSeconds:F0} s of starting again: going on without it");
        }
    }

    /// <summary>The browser's label stream as stored: events, and distinct command ids among them.</summary>
    private static async Task<(int Events, int CommandIds)> BrowserStreamAsync(string connectionString, Guid item, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var user = new NpgsqlCommand($"select id from {Schema}.mt_doc_useraccount where data ->> 'UserName' = @name", connection);
        user.Parameters.AddWithValue("name", BrowserUser);
        var userId = (Guid)(await user.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException($"No account {BrowserUser}."));
        await using var events = new NpgsqlCommand($"select count(*), count(distinct data ->> 'CommandId') from {Schema}.mt_events where stream_id = @stream", connection);
        events.Parameters.AddWithValue("stream", AnnotationStreams.For(item, userId));
        await using var reader = await events.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    /// <summary>An annotator at work: boxes, scribbles and points, now and then a box outside the image (which must be refused); ActiveMs carries the label's sequence number.</summary>
    private async Task DrawAsync(OutboxClient client, Guid item, Random random, CancellationToken ct)
    {
        try
        {
            for (var n = 1; !ct.IsCancellationRequested; n++)
            {
                await Task.Delay(options.ThinkTime * (0.5 + random.NextDouble()), ct);
                var (x, y) = (n * 7 % 480, n * 13 % 480);
                var roll = random.Next(100);
                AnnotationCommand command = roll switch
                {
                    < 2 => new(Guid.NewGuid(), item, "box", 1, 0, Box: new BoxShape(FaultWorldSeed.ImageSize + 10, y, FaultWorldSeed.ImageSize + 40, y + 20), ActiveMs: n),
                    < 45 => new(Guid.NewGuid(), item, "box", 1, 0, Box: new BoxShape(x, y, x + 20, y + 25), ActiveMs: n),
                    < 75 => new(Guid.NewGuid(), item, "scribble", 1, 0, Scribble: new ScribbleShape([[x, y], [x + 10, y + 4], [x + 20, y + 1]], 3), ActiveMs: n),
                    _ => new(Guid.NewGuid(), item, "point", 1, 0, Point: new PointShape(x + 0.5, y + 0.5, n % 2 == 0), ActiveMs: n),
                };
                client.Enqueue(command, refusalExpected: roll < 2);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> done, TimeSpan limit, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }
            await Task.Delay(100, ct);
        }
        return true;
    }

    /// <summary>Time from <paramref name="at"/> until <paramref name="done"/> holds; <see cref="TimeSpan.MaxValue"/> if it does not within the limit.</summary>
    private static async Task<TimeSpan?> SinceAsync(long at, Func<Task<bool>> done, TimeSpan limit, CancellationToken ct) =>
        await WaitAsync(done, limit, ct) ? Stopwatch.GetElapsedTime(at) : TimeSpan.MaxValue;

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
