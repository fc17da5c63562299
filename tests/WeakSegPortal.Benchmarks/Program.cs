// Benchmark harness: `dotnet run -c Release --project tests/WeakSegPortal.Benchmarks -- <suite>`.
// Each suite prints its figures; the README quotes them.
Console.WriteLine("Benchmark suites: (none yet)");
