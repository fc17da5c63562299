using System.Diagnostics;
using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Web.Tests.Faults;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// `bash infra/bench.sh writes [STREAMS] [RUN] [RUNS]`: where one group-commit transaction of the annotation writers
/// (AnnotationWriters → SubmitAnnotationHandler.HandleManyAsync) spends its time, in-process against the real
/// PostgreSQL (durable commits): the scope and session, building the read, the read round trip, deciding and building
/// the writes (inline projections, serialisation), the write round trips with their statements, and the commit. Runs of
/// RUN box commands over STREAMS annotators' items, by 1 and then 4 concurrent writers (the portal's default).
/// </summary>
internal static class WriteStagesBenchmark
{
    public static async Task RunAsync(string adminConnectionString, int streams, int runSize, int runs)
    {
        await using var portal = await BenchPortal.StartAsync(adminConnectionString, new Dictionary<string, string?> { ["Agreement:Daemon"] = "Disabled" });
        var annotators = await FaultWorldSeed.SeedAsync(portal.ConnectionString, streams, CancellationToken.None);
        Console.WriteLine($"writes: {streams} streams (annotator × item), runs of {runSize} box commands, {runs} runs per writer count; agreement daemon off");
        var counter = 0;
        await MeasureAsync(portal, annotators, runSize, Math.Max(20, runs / 5), 1, () => ++counter, report: false);
        foreach (var writers in new[] { 1, 4 })
        {
            await MeasureAsync(portal, annotators, runSize, runs, writers, () => Interlocked.Increment(ref counter), report: true);
        }
    }

    private static async Task MeasureAsync(BenchPortal portal, IReadOnlyList<FaultAnnotator> annotators, int runSize, int runs, int writers, Func<int> next, bool report)
    {
        var samples = new List<Sample>();
        var load = File.ReadAllText("/proc/loadavg").Trim();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w + 1);
            for (var r = 0; r < runs; r++)
            {
                // Each writer owns its streams, as the portal's writers do (by stream hash).
                var run = Enumerable.Range(0, runSize).Select(_ =>
                {
                    var a = annotators[(random.Next(annotators.Count / writers) * writers) + w];
                    var n = next();
                    var (x, y) = (n * 7 % 480, n * 13 % 480);
                    return new SubmittedAnnotation(new AnnotationCommand(Guid.NewGuid(), a.ItemId, "box", 1, 0, Box: new BoxShape(x, y, x + 20, y + 25), ActiveMs: n), a.UserId);
                }).ToList();
                var sample = await OneAsync(portal.Services, run);
                lock (samples)
                {
                    samples.Add(sample);
                }
            }
        })));
        if (!report)
        {
            return;
        }
        var elapsed = clock.Elapsed;
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{writers} writer(s): {samples.Count} transactions of {runSize} commands in {elapsed.TotalSeconds:F1} s = {samples.Count * runSize / elapsed.TotalSeconds:F0} commands/s; " +
            $"this process used {used.TotalSeconds:F1} s CPU; load average before {load}, after {File.ReadAllText("/proc/loadavg").Trim()}; not stored: {samples.Sum(s => s.NotStored)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  round trips per transaction {Median(samples, s => s.RoundTrips)}, statements written per transaction {Median(samples, s => s.Statements)}"));
        foreach (var (name, pick) in Stages)
        {
            var values = samples.Select(pick).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-44} p50 {Pct(values, 0.5),7:F2} ms  p90 {Pct(values, 0.9),7:F2} ms  p99 {Pct(values, 0.99),7:F2} ms"));
        }
    }

    private static readonly (string Name, Func<Sample, double> Pick)[] Stages =
    [
        ("scope, session and handler", s => s.SetupMs),
        ("building the read", s => s.BeforeReadMs),
        ("read round trip (seen commands, items)", s => s.ReadMs),
        ("deciding, building the writes", s => s.DecideMs),
        ("write round trips (appends, records, ids)", s => s.WriteMs),
        ("commit (and what follows the writes)", s => s.CommitMs),
        ("whole transaction", s => s.TotalMs),
    ];

    private static async Task<Sample> OneAsync(IServiceProvider services, List<SubmittedAnnotation> run)
    {
        var t0 = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var logger = new WriteStageLogger();
        scope.ServiceProvider.GetRequiredService<IDocumentSession>().Logger = logger;
        var handler = scope.ServiceProvider.GetRequiredService<SubmitAnnotationHandler>();
        var t1 = Stopwatch.GetTimestamp();
        var acks = await handler.HandleManyAsync(run, CancellationToken.None);
        var t2 = Stopwatch.GetTimestamp();
        var trips = logger.RoundTrips;
        double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
        var notStored = acks.Count(a => a.Retry || !a.Accepted);
        if (trips.Count < 2)
        {
            return new Sample(Ms(t0, t1), 0, 0, 0, 0, Ms(t1, t2), Ms(t0, t2), trips.Count, 0, notStored);
        }
        return new Sample(
            SetupMs: Ms(t0, t1),
            BeforeReadMs: Ms(t1, trips[0].Started),
            ReadMs: Ms(trips[0].Started, trips[0].Ended),
            DecideMs: Ms(trips[0].Ended, trips[1].Started),
            WriteMs: trips.Skip(1).Sum(t => Ms(t.Started, t.Ended)),
            CommitMs: Ms(trips[^1].Ended, t2),
            TotalMs: Ms(t0, t2),
            RoundTrips: trips.Count,
            Statements: trips.Skip(1).Sum(t => t.Statements),
            NotStored: notStored);
    }

    private static int Median(List<Sample> samples, Func<Sample, int> pick) => samples.Select(pick).Order().ElementAt(samples.Count / 2);

    private static double Pct(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    private sealed record Sample(double SetupMs, double BeforeReadMs, double ReadMs, double DecideMs, double WriteMs, double CommitMs, double TotalMs, int RoundTrips, int Statements, int NotStored);
}
