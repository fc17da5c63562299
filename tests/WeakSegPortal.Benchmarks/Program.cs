// Benchmark harness: `bash infra/bench.sh <suite>` (starts a throwaway PostgreSQL), or
// `dotnet run -c Release --project tests/WeakSegPortal.Benchmarks -- <suite>` for suites without one.
// Each suite prints its figures; the README quotes them.
using WeakSegPortal.Benchmarks;

switch (args.FirstOrDefault())
{
    case "agreement":
        AgreementBenchmark.Run();
        break;
    case "imaging":
        ImagingBenchmark.Run([.. args.Skip(1)]);
        break;
    case "annotations":
        await AnnotationThroughputBenchmark.RunAsync(
            Environment.GetEnvironmentVariable("WEAKSEG_BENCH_PG") ?? throw new InvalidOperationException("Set WEAKSEG_BENCH_PG (infra/bench.sh does)."),
            [50, 200], TimeSpan.FromSeconds(15), maxPerClient: 2_000, daemon: args.ElementAtOrDefault(1) ?? "Solo",
            maxBatch: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : null);
        break;
    case "writes":
        await WriteStagesBenchmark.RunAsync(
            Environment.GetEnvironmentVariable("WEAKSEG_BENCH_PG") ?? throw new InvalidOperationException("Set WEAKSEG_BENCH_PG (infra/bench.sh does)."),
            args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15,
            args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 200);
        break;
    case "slices":
        await SliceServingBenchmark.RunAsync(
            Environment.GetEnvironmentVariable("WEAKSEG_BENCH_PG") ?? throw new InvalidOperationException("Set WEAKSEG_BENCH_PG (infra/bench.sh does)."));
        break;
    case "import":
        await ImportThroughputBenchmark.RunAsync(
            Environment.GetEnvironmentVariable("WEAKSEG_BENCH_PG") ?? throw new InvalidOperationException("Set WEAKSEG_BENCH_PG (infra/bench.sh does)."),
            [.. args.Skip(1)]);
        break;
    case "suggest":
        await SuggestSuite.RunAsync([.. args.Skip(1)]);
        break;
    case "faults":
        Environment.ExitCode = await FaultInjectionBenchmark.RunAsync([.. args.Skip(1)]);
        break;
    case "crowd":
        Environment.ExitCode = await WeakSegPortal.Benchmarks.Crowd.CrowdBenchmark.RunAsync([.. args.Skip(1)]);
        break;
    case "cluster":
        Environment.ExitCode = await NodeLostBenchmark.RunAsync([.. args.Skip(1)]);
        break;
    case "fuzz":
        await FuzzBenchmark.RunAsync(
            Environment.GetEnvironmentVariable("WEAKSEG_BENCH_PG") ?? throw new InvalidOperationException("Set WEAKSEG_BENCH_PG (infra/bench.sh does)."),
            [.. args.Skip(1)]);
        break;
    default:
        Console.WriteLine("Benchmark suites: agreement, imaging, annotations, writes, slices, import, faults, cluster, crowd, fuzz, suggest");
        break;
}
