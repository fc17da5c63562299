using System.Diagnostics;
using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// The fault-injection run: a private PostgreSQL, the portal as a child process behind a
/// <see cref="ChaosProxy"/>, N <see cref="OutboxClient"/>s drawing labels, and meanwhile, in rounds,
/// the portal killed with SIGKILL and started again, PostgreSQL restarted immediately, and every
/// connection cut, with single connections cut in the middle of calls all along. Then the outboxes
/// drain and <see cref="FaultLedger"/> holds every command against what the event store holds.
/// </summary>
public sealed class FaultRun(FaultRunOptions options) : IDisposable
{
    private const string Schema = "weakseg";
    private readonly SemaphoreSlim _portalGate = new(1);
    private int _deaths;

    public void Dispose() => _portalGate.Dispose();

    public async Task<FaultReport> RunAsync(CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("weakseg-faults-").FullName;
        // The cluster's owner (postgres, when we are root) must be able to enter the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(work, (UnixFileMode)0b111_101_101);
        }
        var keep = false;
        try
        {
            await using var cluster = await PrivateCluster.StartAsync(work, options.PostgresSettings, ct);
            await cluster.CreateDatabaseAsync("faults", ct);
            var connectionString = cluster.ConnectionString("faults");
            options.Log($"seeding {options.Annotators} annotators (PostgreSQL on port {cluster.Port})");
            var annotators = await FaultWorldSeed.SeedAsync(connectionString, options.Annotators, ct);
            await using var portal = new PortalProcess(new Dictionary<string, string>
            {
                ["Database:ConnectionString"] = connectionString,
                ["Storage:Root"] = Path.Combine(work, "blobs"),
                ["Agreement:Daemon"] = options.AgreementDaemon,
                ["Seed:Demo"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            }, Path.Combine(work, "portal.log"));
            await portal.StartAsync(ct);
            await using var proxy = new ChaosProxy(portal.Port);
            proxy.Start();
            options.Log($"portal on {portal.Address} (pid log {portal.LogFile}), proxy on {proxy.Address}");
            var report = await LoadAndFaultAsync(cluster, portal, proxy, annotators, connectionString, ct);
            keep = report.Lost + report.Duplicated + report.StillPending + report.RefusedButStored + report.OutOfOrder > 0;
            if (keep)
            {
                options.Log($"kept for inspection: {work}");
            }
            return report;
        }
        finally
        {
            if (!keep)
            {
                TryDelete(work);
            }
        }
    }

    private async Task<FaultReport> LoadAndFaultAsync(PrivateCluster cluster, PortalProcess portal, ChaosProxy proxy, IReadOnlyList<FaultAnnotator> annotators, string connectionString, CancellationToken ct)
    {
        using var signIns = new SemaphoreSlim(4);
        var clients = annotators.Select((a, i) => new OutboxClient(proxy.Address, async token =>
        {
            await signIns.WaitAsync(token);
            try
            {
                return await PortalSignIn.CookieAsync(portal.Address, a.UserName, a.Password, token);
            }
            finally
            {
                signIns.Release();
            }
        }, options.Timing, seed: i)).ToList();
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var drawing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var background = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var senders = clients.Select(c => Task.Run(() => c.RunAsync(hardStop.Token), CancellationToken.None)).ToList();
        var clock = Stopwatch.StartNew();
        var watchdog = Task.Run(() => WatchPortalAsync(portal, background.Token), CancellationToken.None);
        try
        {
            await WaitAsync(() => clients.All(c => c.Connects > 0), TimeSpan.FromMinutes(3), ct);
            options.Log($"{clients.Count} annotators connected after {clock.Elapsed.TotalSeconds:F1} s; drawing");
            var drawers = clients.Select((c, i) => Task.Run(() => DrawAsync(c, annotators[i].ItemId, new Random(1000 + i), drawing.Token), CancellationToken.None)).ToList();
            var cutter = Task.Run(() => CutMidCallAsync(proxy, background.Token), CancellationToken.None);
            var loadStarted = clock.Elapsed;
            var faults = new List<(string Kind, long At, TimeSpan Injected)>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var kind in new[] { "portal killed (SIGKILL) and restarted", "PostgreSQL restarted (immediate)", "every connection cut" })
                {
                    await Task.Delay(options.Gap, ct);
                    var at = Stopwatch.GetTimestamp();
                    await InjectAsync(kind, cluster, portal, proxy, ct);
                    faults.Add((kind, at, Stopwatch.GetElapsedTime(at)));
                    var back = await WaitAsync(() => clients.All(c => c.Accepted.Any(a => a.CallStarted >= at)), options.RecoveryLimit, ct);
                    options.Log($"round {round}: {kind}; {(back ? "every annotator back" : "NOT every annotator back")} after {Stopwatch.GetElapsedTime(at).TotalSeconds:F2} s");
                }
            }
            await Task.Delay(options.Gap, ct);
            await drawing.CancelAsync();
            await Task.WhenAll(drawers);
            var duration = clock.Elapsed - loadStarted;
            foreach (var client in clients)
            {
                client.Finish();
            }
            var drained = await WaitAsync(() => senders.All(s => s.IsCompleted), options.DrainLimit, ct);
            options.Log(drained ? "every outbox is empty" : $"outboxes still holding {clients.Sum(c => c.Pending)} commands after {options.DrainLimit.TotalSeconds:F0} s");
            await hardStop.CancelAsync();
            await Task.WhenAll(senders);
            await background.CancelAsync();
            await cutter;
            await watchdog;
            var stored = await EventStoreLedger.ReadAsync(connectionString, Schema, annotators, ct);
            return FaultLedger.Classify(annotators, clients, stored, faults, duration, proxy.Cuts, _deaths, portal.ErrorLines());
        }
        finally
        {
            await hardStop.CancelAsync();
            await drawing.CancelAsync();
            await background.CancelAsync();
            await Task.WhenAll(senders.Append(watchdog).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private async Task InjectAsync(string kind, PrivateCluster cluster, PortalProcess portal, ChaosProxy proxy, CancellationToken ct)
    {
        if (kind.StartsWith("portal", StringComparison.Ordinal))
        {
            await _portalGate.WaitAsync(ct);
            try
            {
                await portal.KillAsync();
                await portal.StartAsync(ct);
            }
            finally
            {
                _portalGate.Release();
            }
        }
        else if (kind.StartsWith("PostgreSQL", StringComparison.Ordinal))
        {
            await cluster.RestartImmediateAsync(ct);
        }
        else
        {
            proxy.CutAll();
        }
    }

    /// <summary>A portal that died without being killed is a finding: counted, and started again so the run goes on.</summary>
    private async Task WatchPortalAsync(PortalProcess portal, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(200, ct);
                await _portalGate.WaitAsync(ct);
                try
                {
                    if (!portal.Running)
                    {
                        Interlocked.Increment(ref _deaths);
                        options.Log($"the portal died on its own; see {portal.LogFile}; starting it again");
                        await portal.KillAsync();
                        await portal.StartAsync(ct);
                    }
                }
                finally
                {
                    _portalGate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task CutMidCallAsync(ChaosProxy proxy, CancellationToken ct)
    {
        if (options.MidCallCutEvery <= TimeSpan.Zero)
        {
            return;
        }
        var random = new Random(7);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(options.MidCallCutEvery * (0.5 + random.NextDouble()), ct);
                proxy.CutOneMidCall(random);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// An annotator at work: a label every think time, mostly boxes, scribbles and points; now and
    /// then a delete of one of their saved labels, and a box outside the image, which must be refused.
    /// Each label's ActiveMs is its sequence number, so a label stored twice under two ids is found too.
    /// </summary>
    private async Task DrawAsync(OutboxClient client, Guid item, Random random, CancellationToken ct)
    {
        try
        {
            for (var n = 1; !ct.IsCancellationRequested; n++)
            {
                await Task.Delay(options.ThinkTime * (0.5 + random.NextDouble()), ct);
                var (x, y) = (n * 7 % 480, n * 13 % 480);
                var roll = random.Next(100);
                var live = client.LiveAnnotations;
                AnnotationCommand command = roll switch
                {
                    < 2 => new(Guid.NewGuid(), item, "box", 1, 0, Box: new BoxShape(FaultWorldSeed.ImageSize + 10, y, FaultWorldSeed.ImageSize + 40, y + 20), ActiveMs: n),
                    < 7 when live.Count > 0 => new(Guid.NewGuid(), item, "delete", 0, null, Delete: new DeleteTarget(live[random.Next(live.Count)]), ActiveMs: n),
                    < 40 => new(Guid.NewGuid(), item, "box", 1, 0, Box: new BoxShape(x, y, x + 20, y + 25), ActiveMs: n),
                    < 70 => new(Guid.NewGuid(), item, "scribble", 1, 0, Scribble: new ScribbleShape([[x, y], [x + 10, y + 4], [x + 20, y + 1]], 3), ActiveMs: n),
                    _ => new(Guid.NewGuid(), item, "point", 1, 0, Point: new PointShape(x + 0.5, y + 0.5, n % 2 == 0), ActiveMs: n),
                };
                client.Enqueue(command, refusalExpected: roll < 2);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private static async Task<bool> WaitAsync(Func<bool> done, TimeSpan limit, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }
            await Task.Delay(50, ct);
        }
        return true;
    }

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
