using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using WeakSegPortal.Web.Tests.Faults;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Benchmarks.Crowd;

/// <summary>
/// `bash infra/bench.sh crowd [CONNECTIONS] [SECONDS] [ACCOUNTS] [server|workstation] [redis|alone]`: many connected
/// annotators across two web nodes (child processes, Release, Production) on one PostgreSQL (own cluster, durable
/// commits) and one redis-server (the backplane; "alone" runs one node without Redis, to see what the backplane costs).
/// Connections are real SignalR clients on WebSockets, spread over the nodes and over ACCOUNTS sign-ins (each account's
/// connections label its one item), open loop, one box every 3 s each. It reports the connections reached, ack latency,
/// each node's memory from /health ("process") before and after the connections, 500 simultaneous item reads, and then
/// SIGKILLs the node running the agreement daemon and times until the other one runs it.
/// </summary>
internal static class CrowdBenchmark
{
    private const string AdminName = "crowd-admin", AdminPassword = "crowd-admin-password";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var target = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var seconds = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var accounts = args.Count > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        var gc = args.Count > 3 ? args[3] : "server";
        var clustered = (args.Count > 4 ? args[4] : "redis") != "alone";
        Log($"crowd: {target} connections, {seconds} s, {accounts} accounts, {gc} GC, {(clustered ? "two nodes + Redis" : "one node alone")}; open files soft limit {OpenFilesLimit()}, ephemeral ports {File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Trim()}");
        var work = Directory.CreateTempSubdirectory("weakseg-crowd-").FullName;
        // The cluster's owner (postgres, when we are root) must be able to enter the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(work, (UnixFileMode)0b111_101_101);
        }
        await using var pg = await PrivateCluster.StartAsync(work, ["shared_buffers=256MB"], CancellationToken.None);
        await pg.CreateDatabaseAsync("crowd", CancellationToken.None);
        var database = pg.ConnectionString("crowd");
        await using var redis = clustered ? await RedisServer.StartAsync() : null;
        // The first admin is made by the seeder when no user exists yet (Seed:AdminUserName): set before the seed's host starts.
        Environment.SetEnvironmentVariable("Seed__AdminUserName", AdminName);
        Environment.SetEnvironmentVariable("Seed__AdminPassword", AdminPassword);
        var seedClock = Stopwatch.StartNew();
        var annotators = await FaultWorldSeed.SeedAsync(database, accounts, CancellationToken.None);
        Log($"seeded {annotators.Count} annotator accounts in {seedClock.Elapsed.TotalSeconds:F0} s");
        var nodes = new List<PortalProcess>();
        foreach (var name in clustered ? new[] { "crowd-a", "crowd-b" } : ["crowd-a"])
        {
            var settings = new Dictionary<string, string>
            {
                ["Database:ConnectionString"] = database,
                ["Storage:Root"] = Path.Combine(work, "blobs"),
                ["Agreement:Daemon"] = clustered ? "HotCold" : "Solo",
                ["Node:Id"] = name,
                ["Logging:LogLevel:Default"] = "Warning",
                ["DOTNET_gcServer"] = gc == "server" ? "1" : "0",
            };
            if (redis is not null)
            {
                settings["Redis:ConnectionString"] = redis.ConnectionString;
            }
            var node = new PortalProcess(settings, Path.Combine(work, $"{name}.log"));
            await node.StartAsync(CancellationToken.None);
            nodes.Add(node);
        }
        try
        {
            return await MeasureAsync(nodes, annotators, target, seconds, database);
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
            Log($"logs and data in {work}");
        }
    }

    private static async Task<int> MeasureAsync(List<PortalProcess> nodes, IReadOnlyList<FaultAnnotator> annotators, int target, int seconds, string database)
    {
        var admin = await PortalSignIn.CookieAsync(nodes[0].Address, AdminName, AdminPassword, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = await FiguresAsync(nodes, admin);
        Report("before connecting", before);
        var signInClock = Stopwatch.StartNew();
        var cookies = new string[annotators.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, annotators.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            cookies[i] = await PortalSignIn.CookieAsync(nodes[0].Address, annotators[i].UserName, annotators[i].Password, ct));
        Log($"{annotators.Count} sign-ins in {signInClock.Elapsed.TotalSeconds:F1} s");

        var crowd = Enumerable.Range(0, target).Select(i => new CrowdAnnotator(nodes[i % nodes.Count].Address, cookies[i % cookies.Length], annotators[i % cookies.Length].ItemId, i)).ToList();
        var connectClock = Stopwatch.StartNew();
        var refused = 0;
        var firstError = "";
        await Parallel.ForEachAsync(crowd, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (annotator, ct) =>
        {
            try
            {
                await annotator.ConnectAsync(ct);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.Net.WebSockets.WebSocketException or TimeoutException or InvalidOperationException or OperationCanceledException)
            {
                if (Interlocked.Increment(ref refused) == 1)
                {
                    firstError = e.Message;
                }
            }
        });
        var connected = crowd.Where(a => a.Connected).ToList();
        Log($"connected {connected.Count} of {target} in {connectClock.Elapsed.TotalSeconds:F1} s ({refused} failed{(refused > 0 ? $", first: {firstError}" : "")})");
        await Task.Delay(TimeSpan.FromSeconds(10));
        var idle = await FiguresAsync(nodes, admin);
        Report("connected, idle", idle);
        for (var n = 0; n < nodes.Count; n++)
        {
            var added = idle[n].Connections - before[n].Connections;
            if (added > 0)
            {
                Log($"node {n}: per connection: working set {(idle[n].WorkingSet - before[n].WorkingSet) / 1024.0 / added:F1} KB, GC heap {(idle[n].GcHeap - before[n].GcHeap) / 1024.0 / added:F1} KB, GC committed {(idle[n].GcCommitted - before[n].GcCommitted) / 1024.0 / added:F1} KB, allocated now {(idle[n].AllocatedNow - before[n].AllocatedNow) / 1024.0 / added:F1} KB");
            }
        }

        var loadBefore = await FiguresAsync(nodes, admin);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var drawing = connected.Select(a => Task.Run(() => a.DrawAsync(start, TimeSpan.FromSeconds(seconds), CancellationToken.None))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(seconds / 2.0));
        await ReportAsync("under load (half-way)", nodes, admin);
        await Task.WhenAll(drawing);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var tallies = connected.Select(a => a.Tally()).ToList();
        var acks = tallies.SelectMany(t => t.AckMs).Order().ToArray();
        var late = tallies.SelectMany(t => t.LateMs).Order().ToArray();
        var (sent, failed, refusedLabels) = (tallies.Sum(t => t.Sent), tallies.Sum(t => t.Failed), tallies.Sum(t => t.Refused));
        Log($"load: {connected.Count} connections x one box per {CrowdAnnotator.Period.TotalSeconds:F0} s for {seconds} s: sent {sent} ({sent / elapsed.TotalSeconds:F0}/s), acked {acks.Length}, refused {refusedLabels}, failed {failed}, unanswered {sent - acks.Length - failed}");
        if (acks.Length > 0)
        {
            Log($"ack latency from the moment due (answers later than 30 s after the end count as unanswered): p50 {Pct(acks, 0.50):F1} ms, p95 {Pct(acks, 0.95):F1} ms, p99 {Pct(acks, 0.99):F1} ms, max {acks[^1]:F1} ms");
        }
        if (late.Length > 0)
        {
            Log($"the load generator's own lateness (moment due → call started, in this process): p50 {Pct(late, 0.50):F1} ms, p99 {Pct(late, 0.99):F1} ms, max {late[^1]:F1} ms");
        }
        Log($"CPU used during the load: this load generator {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:F1} s; the nodes: see cpuSeconds below (before: {string.Join(", ", loadBefore.Select(f => $"{f.CpuSeconds:F1} s"))}) over {elapsed.TotalSeconds:F0} s on {Environment.ProcessorCount} cores");
        await ReportAsync("after load", nodes, admin);

        await ReadsAsync(nodes, cookies, annotators, "sessions remembered", database);
        // Past SessionValidator.RecheckAfter (10 s): every sign-in is read from the database again.
        await Task.Delay(TimeSpan.FromSeconds(11));
        await ReadsAsync(nodes, cookies, annotators, "sessions re-read", database);

        await Task.WhenAll(crowd.Select(a => a.DisposeAsync().AsTask()));
        if (nodes.Count == 2)
        {
            await TakeoverAsync(nodes, admin);
        }
        Log($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>
    /// 500 simultaneous GET /api/items/{id} (the workspace opening its item), spread over the nodes and sign-ins, and how
    /// many transactions PostgreSQL committed meanwhile (each query outside a transaction counts one).
    /// </summary>
    private static async Task ReadsAsync(List<PortalProcess> nodes, string[] cookies, IReadOnlyList<FaultAnnotator> annotators, string what, string database)
    {
        var transactionsBefore = await TransactionsAsync(database);
        const int reads = 500;
        using var handler = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = reads };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var statuses = new int[reads];
        var tasks = Enumerable.Range(0, reads).Select(async i =>
        {
            var n = i % cookies.Length;
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(nodes[i % nodes.Count].Address, $"/api/items/{annotators[n].ItemId}"));
            request.Headers.Add("Cookie", cookies[n]);
            await go.Task;
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            statuses[i] = (int)response.StatusCode;
            return clock.Elapsed.TotalMilliseconds;
        }).ToList();
        go.SetResult();
        var times = (await Task.WhenAll(tasks)).Order().ToArray();
        var codes = string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key}: {g.Count()}"));
        var transactions = await TransactionsAsync(database) - transactionsBefore;
        Log($"{reads} simultaneous item reads ({what}; new connections): p50 {Pct(times, 0.5):F0} ms, p99 {Pct(times, 0.99):F0} ms, max {times[^1]:F0} ms; status {codes}; {transactions} database transactions meanwhile (the other traffic is idle)");
    }

    private static async Task<long> TransactionsAsync(string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        // Statistics reach pg_stat_database when each backend flushes them (at most a second late): wait that out.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using var command = new Npgsql.NpgsqlCommand("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>SIGKILLs the node whose daemon is hot and times until the other reports hot (its /health, every 100 ms).</summary>
    private static async Task TakeoverAsync(List<PortalProcess> nodes, string admin)
    {
        var figures = await FiguresAsync(nodes, admin);
        var hot = figures.FindIndex(f => f.Role == "hot");
        if (hot < 0)
        {
            Log("takeover: no node reports a hot daemon; not measured");
            return;
        }
        var survivor = nodes[1 - hot];
        var clock = Stopwatch.StartNew();
        await nodes[hot].KillAsync();
        var killed = clock.Elapsed;
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            var role = "";
            try
            {
                role = (await FiguresAsync([survivor], admin))[0].Role;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The survivor is busy: ask again.
            }
            if (role == "hot")
            {
                Log($"takeover: node {hot} (hot) SIGKILLed (kill took {killed.TotalMilliseconds:F0} ms); node {1 - hot} runs the agreement daemon {clock.Elapsed.TotalSeconds:F2} s after the kill");
                return;
            }
            await Task.Delay(100);
        }
        Log("takeover: the surviving node did not become hot within 120 s");
    }

    private static async Task<List<NodeFigures>> FiguresAsync(IEnumerable<PortalProcess> nodes, string admin)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
        var figures = new List<NodeFigures>();
        foreach (var node in nodes)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node.Address, "/health"));
            request.Headers.Add("Cookie", admin);
            using var response = await http.SendAsync(request);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            figures.Add(NodeFigures.From(json.RootElement.GetProperty("checks")));
        }
        return figures;
    }

    private static async Task ReportAsync(string when, List<PortalProcess> nodes, string admin)
    {
        try
        {
            Report(when, await FiguresAsync(nodes, admin));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            Log($"{when}: /health did not answer ({e.GetType().Name}: {e.Message})");
        }
    }

    private static void Report(string when, List<NodeFigures> figures)
    {
        for (var n = 0; n < figures.Count; n++)
        {
            Log($"{when}: node {n}: {figures[n].Describe()}");
        }
    }

    private static double Pct(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private static string OpenFilesLimit() =>
        File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal)) is { } line
            ? string.Join('/', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3..5]) : "?";

    private static void Log(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
}
