using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Evaluation;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.Testing;
using WeakSegPortal.Web.Tests.Faults;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// Click-to-mask latency as the browser sees it: a SignalR client signed in as an annotator calls the annotation
/// hub's Suggest on the portal run as a child process (its own PostgreSQL, a 512×512 demo CT item), through a
/// <see cref="ByteCountingProxy"/> that counts the bytes of request and reply on the wire. Per organ and round: one
/// object from the truth's tight box then simulated clicks (box kept; engine grabcut-box named in the request), one
/// object from simulated clicks alone (grabcut-seeded). First with no worker (the portal's in-process classical
/// engines), then with a worker process connected (its Release build, <see cref="WorkerBuild"/>), which also offers
/// "samtest", the OnnxSharp SAM test model (plumbing: a trivial decoder, not a real one). Round 0 is a warm-up and
/// not counted (for samtest it also pays the encoder, so the counted calls find the embedding cached).
/// </summary>
internal static class SuggestLatencyBenchmark
{
    private const int ClicksAfterBox = 3;
    private const int ClicksAlone = 6;
    private static readonly (string Box, string Clicks) Classical = ("grabcut-box", "grabcut-seeded");
    private static readonly (string Box, string Clicks) SamTest = ("samtest", "samtest");

    public static async Task RunAsync(string[] args, CancellationToken ct)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var work = Directory.CreateTempSubdirectory("weakseg-bench-hub-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(work, (UnixFileMode)0b111_101_101);
        }
        try
        {
            await using var cluster = await PrivateCluster.StartAsync(work, [], ct);
            await cluster.CreateDatabaseAsync("suggest", ct);
            var connectionString = cluster.ConnectionString("suggest");
            var blobs = Path.Combine(work, "blobs");
            var world = await SuggestWorldSeed.SeedAsync(connectionString, blobs, ct);
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            await using var portal = new PortalProcess(new Dictionary<string, string>
            {
                ["Database:ConnectionString"] = connectionString,
                ["Storage:Root"] = blobs,
                ["Seed:Demo"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Workers:Tokens:0"] = token,
            }, Path.Combine(work, "portal.log"));
            await portal.StartAsync(ct);
            await using var proxy = new ByteCountingProxy(portal.Port);
            proxy.Start();
            var cookie = await PortalSignIn.CookieAsync(portal.Address, world.UserName, world.Password, ct);
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(proxy.Address, "/hubs/annotation"), o => o.Headers["Cookie"] = cookie)
                .Build();
            await hub.StartAsync(ct);
            await hub.InvokeAsync("Focus", world.ItemId.ToString(), ct);
            Console.WriteLine($"portal {portal.Address} (log {portal.LogFile}), client through the byte-counting proxy {proxy.Address}, {rounds} rounds + 1 warm-up");

            Print("(a) no worker: the portal's in-process engines", await RoundsAsync(hub, proxy, world, rounds, Classical, ct));

            if (!File.Exists(WorkerBuild.Dll))
            {
                Console.WriteLine($"(b) with a worker process: not measured, {WorkerBuild.Dll} is not built beside the benchmark");
                return;
            }

            var sam = new SamTestModels(work).Write(SamFamily.Sam);
            var workerLog = Path.Combine(work, "worker.log");
            await using var worker = WeakSegPortal.Web.Tests.Faults.WorkerChildProcess.Start(WorkerBuild.Dll, portal.Address, token, "bench-worker-1", workerLog, new Dictionary<string, string>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Suggestions:SamModels:samtest:Family"] = nameof(SamFamily.Sam),
                ["Suggestions:SamModels:samtest:EncoderPath"] = sam.EncoderPath,
                ["Suggestions:SamModels:samtest:DecoderPath"] = sam.DecoderPath,
                ["Suggestions:PreferCuda"] = "false",
            });
            try
            {
                await WaitForWorkerAsync(hub, world, worker, ct);
            }
            catch (Exception) when (File.Exists(workerLog))
            {
                Console.WriteLine(string.Join(Environment.NewLine, File.ReadLines(workerLog).TakeLast(20)));
                throw;
            }

            Print("(b) one worker process (bench-worker-1)", await RoundsAsync(hub, proxy, world, rounds, Classical, ct));
            Print("(c) the same worker, engine samtest (SAM test model: PLUMBING, not a real decoder)", await RoundsAsync(hub, proxy, world, rounds, SamTest, ct));
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static async Task WaitForWorkerAsync(HubConnection hub, SuggestWorld world, WeakSegPortal.Web.Tests.Faults.WorkerChildProcess worker, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (!worker.Running)
            {
                throw new InvalidOperationException("The worker process exited while connecting; see worker.log.");
            }

            var status = await hub.InvokeAsync<JsonElement>("GetSuggestionStatus", world.ItemId.ToString(), ct);
            if (status.TryGetProperty("workers", out var workers) && workers.GetInt32() > 0)
            {
                Console.WriteLine($"worker connected after {clock.Elapsed.TotalSeconds:F1} s: {status}");
                return;
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException("No worker showed in GetSuggestionStatus within 2 minutes.");
    }

    private static async Task<List<HubClickSample>> RoundsAsync(
        HubConnection hub, ByteCountingProxy proxy, SuggestWorld world, int rounds, (string Box, string Clicks) engines, CancellationToken ct)
    {
        var samples = new List<HubClickSample>();
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var (classId, truth) in world.Truths.Where(t => t.Value.Count(p => p) >= 20))
            {
                var boxed = await ObjectAsync(hub, proxy, world, engines.Box, classId, truth, TightBox(truth, world.Size), ClicksAfterBox, ct);
                var alone = await ObjectAsync(hub, proxy, world, engines.Clicks, classId, truth, null, ClicksAlone, ct);
                if (round > 0)
                {
                    samples.AddRange(boxed);
                    samples.AddRange(alone);
                }
            }
        }

        return samples;
    }

    private static async Task<List<HubClickSample>> ObjectAsync(
        HubConnection hub, ByteCountingProxy proxy, SuggestWorld world, string engine, int classId, bool[] truth, double[]? box, int clicks, CancellationToken ct)
    {
        var objectId = Guid.NewGuid();
        var points = new List<object>();
        var samples = new List<HubClickSample>();
        var mask = new bool[truth.Length];
        if (box is not null)
        {
            samples.Add(await CallAsync(hub, proxy, world, engine, objectId, classId, box, points, truth, "box", ct));
            mask = samples[^1].Mask ?? mask;
        }

        for (var k = 0; k < clicks && ClickSimulator.Next(truth, mask, world.Size, world.Size) is { } click; k++)
        {
            points.Add(new { x = click.X, y = click.Y, positive = click.IsPositive });
            var kind = (box is null ? "" : "box + ") + (points.Count == 1 ? "first click" : "later clicks (2nd+)");
            samples.Add(await CallAsync(hub, proxy, world, engine, objectId, classId, box, points, truth, kind, ct));
            mask = samples[^1].Mask ?? mask;
        }

        return samples;
    }

    private static async Task<HubClickSample> CallAsync(
        HubConnection hub, ByteCountingProxy proxy, SuggestWorld world, string engine, Guid objectId, int classId, double[]? box, List<object> points, bool[] truth, string prompt, CancellationToken ct)
    {
        var request = new
        {
            requestId = Guid.NewGuid(),
            objectId,
            itemId = world.ItemId,
            orientation = "axial",
            slice = world.Slice,
            classId,
            engine,
            box = box is null ? null : new { x0 = box[0], y0 = box[1], x1 = box[2], y1 = box[3] },
            points = points.ToArray(),
            scribbles = Array.Empty<object>(),
        };
        var (up, down) = (proxy.Up, proxy.Down);
        var clock = Stopwatch.StartNew();
        var reply = await hub.InvokeAsync<JsonElement>("Suggest", request, ct);
        var ms = clock.Elapsed.TotalMilliseconds;
        var (bytesUp, bytesDown) = (proxy.Up - up, proxy.Down - down);
        var ok = reply.TryGetProperty("ok", out var okValue) && okValue.GetBoolean();
        string Text(string name) => reply.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "?";
        double? serverMs = reply.TryGetProperty("serverMs", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : null;
        bool[]? mask = null;
        if (ok)
        {
            var m = reply.GetProperty("mask");
            var counts = m.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToArray();
            mask = MaskRle.Decode(counts, m.GetProperty("width").GetInt32(), m.GetProperty("height").GetInt32());
        }

        return new HubClickSample(prompt, Text("engine"), Text("ranOn"), ok, ok ? null : Text("error"), ms, bytesUp, bytesDown, serverMs,
            mask is null ? 0 : Overlap.IoU(mask, truth), mask);
    }

    private static double[] TightBox(bool[] truth, int size)
    {
        var pixels = Enumerable.Range(0, truth.Length).Where(n => truth[n]).ToList();
        return [pixels.Min(n => n % size) - 0.5, pixels.Min(n => n / size) - 0.5, pixels.Max(n => n % size) + 0.5, pixels.Max(n => n / size) + 0.5];
    }

    private static void Print(string title, List<HubClickSample> samples)
    {
        Console.WriteLine(title);
        foreach (var failed in samples.Where(s => !s.Ok).GroupBy(s => s.Error))
        {
            Console.WriteLine($"  {failed.Count()} calls answered ok: false: {failed.Key}");
        }

        foreach (var group in samples.Where(s => s.Ok).GroupBy(s => (s.Engine, s.RanOn, s.Prompt)))
        {
            var wall = group.Select(s => s.RoundTripMs).Order().ToArray();
            var server = group.Where(s => s.ServerMs is not null).Select(s => s.ServerMs!.Value).Order().ToArray();
            var bytes = group.Select(s => (double)(s.BytesUp + s.BytesDown)).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key.Engine} on {group.Key.RanOn}, {group.Key.Prompt}: {wall.Length} calls, round trip p50 {BenchmarkTimer.Percentile(wall, 50):F1} ms, p95 {BenchmarkTimer.Percentile(wall, 95):F1} ms" +
                $" (serverMs p50 {(server.Length > 0 ? BenchmarkTimer.Percentile(server, 50).ToString("F1", CultureInfo.InvariantCulture) : "-")});" +
                $" bytes per call up {group.Average(s => s.BytesUp):F0} + down {group.Average(s => s.BytesDown):F0} = mean {bytes.Average():F0}, max {bytes[^1]:F0}; mean IoU {group.Average(s => s.IoU):F3}"));
        }
    }
}
