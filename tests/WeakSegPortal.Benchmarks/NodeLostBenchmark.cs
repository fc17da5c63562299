using System.Globalization;
using WeakSegPortal.E2E.Cluster;
using WeakSegPortal.Web.Tests.Faults;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// `bash infra/bench.sh cluster [ANNOTATORS] [RUNS]`: the node-lost run at full size (the test command runs a short one,
/// NodeLostTests). Two web nodes (Release build, child processes) behind Debian's nginx, one redis-server, one PostgreSQL
/// (durable commits), one worker, N simulated annotators with the browser's outbox and backoff and one real chromium;
/// the browser's node killed, the daemon's node killed, Redis restarted; commands sent / stored / duplicated / lost and
/// each fault's recovery time.
/// </summary>
internal static class NodeLostBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var annotators = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var runs = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var failed = 0;
        for (var r = 1; r <= runs; r++)
        {
            var run = new NodeLostRun(new NodeLostOptions
            {
                Annotators = annotators,
                ThinkTime = TimeSpan.FromMilliseconds(200),
                Gap = TimeSpan.FromSeconds(3),
                Timing = OutboxTiming.Browser,
                PostgresSettings = ["shared_buffers=256MB"],
                RecoveryLimit = TimeSpan.FromMinutes(2),
                DrainLimit = TimeSpan.FromMinutes(2),
                Log = line => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}"),
            });
            var report = await run.RunAsync(CancellationToken.None);
            Console.WriteLine($"run {r} of {runs}:");
            Console.WriteLine(report.Describe());
            var l = report.Ledger;
            failed += l.Lost + l.Duplicated + l.StillPending + l.RefusedButStored + l.OutOfOrder + Math.Abs(report.BrowserSaved - report.BrowserStored) > 0 ? 1 : 0;
        }
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return failed == 0 ? 0 : 1;
    }
}
