// Benchmark harness: `dotnet run -c Release --project tests/WeakSegPortal.Benchmarks -- <suite>`.
// Each suite prints its figures; the README quotes them.
using WeakSegPortal.Benchmarks;

switch (args.FirstOrDefault())
{
    case "agreement":
        AgreementBenchmark.Run();
        break;
    default:
        Console.WriteLine("Benchmark suites: agreement");
        break;
}
