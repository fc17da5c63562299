using System.Globalization;
using WeakSegPortal.Web.Tests.Faults;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// `bash infra/bench.sh faults [ANNOTATORS] [ROUNDS]`: the fault-injection run at full size (the test
/// command runs a short one, FaultInjectionTests). N annotators with the browser's outbox and backoff,
/// the portal as a child process (Release build) killed and restarted, its PostgreSQL (own cluster,
/// durable commits as in production) restarted immediately, every connection cut, in rounds, and
/// single connections cut in the middle of calls all along; then every command is classified.
/// </summary>
internal static class FaultInjectionBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var annotators = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var rounds = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        using var run = new FaultRun(new FaultRunOptions
        {
            Annotators = annotators,
            Rounds = rounds,
            Gap = TimeSpan.FromSeconds(5),
            ThinkTime = TimeSpan.FromMilliseconds(200),
            MidCallCutEvery = TimeSpan.FromMilliseconds(300),
            Timing = OutboxTiming.Browser,
            PostgresSettings = ["shared_buffers=256MB"],
            DrainLimit = TimeSpan.FromMinutes(3),
            RecoveryLimit = TimeSpan.FromMinutes(2),
            Log = line => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}"),
        });
        var report = await run.RunAsync(CancellationToken.None);
        Console.WriteLine(report.Describe());
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        return report.Lost + report.Duplicated + report.StillPending + report.RefusedButStored + report.OutOfOrder == 0 ? 0 : 1;
    }
}
