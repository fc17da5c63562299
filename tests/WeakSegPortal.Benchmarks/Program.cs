// Benchmark harness: `dotnet run -c Release --project tests/WeakSegPortal.Benchmarks -- <suite>`.
// Each suite prints its figures; the README quotes them.
switch (args.FirstOrDefault())
{
    case "imaging":
        WeakSegPortal.Benchmarks.ImagingBenchmark.Run(args.Skip(1).ToArray());
        break;
    default:
        Console.WriteLine("Benchmark suites: imaging");
        break;
}
