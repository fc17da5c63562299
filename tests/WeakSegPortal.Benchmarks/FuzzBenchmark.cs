using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.DataImport.Fuzzing;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// The readers under fuzzing: N mutated DICOM, NIfTI, PNG and zip files (fixed seed; the mutator and
/// seeds are the test suite's, FuzzImportTests) posted to POST /api/projects/{id}/imports of the real
/// portal on a socket, in batches of one mutant per seed family, each batch a fresh project.
/// Prints inputs, per-format counts, outcomes by class, decoder time per unit, import time, and
/// whether the portal still answers. Optional arguments: inputs (default 10000), seed, parallel imports (2),
/// decode timeout in seconds (10). WEAKSEG_FUZZ_FINDINGS=FOLDER writes the inputs that crashed, hung or failed there.
/// </summary>
internal static class FuzzBenchmark
{
    private const string Password = "bench-fuzz-pw";

    public static async Task RunAsync(string adminConnectionString, string[] args)
    {
        var inputs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : FuzzImportTests.Seed;
        var parallel = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        var timeout = TimeSpan.FromSeconds(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 10);
        var work = Directory.CreateTempSubdirectory("weakseg-bench-fuzz-").FullName;
        try
        {
            var seeds = FuzzSeeds.Build();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fuzz benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {inputs} inputs, seed {seed}, {seeds.Count} seed files in {seeds.Select(s => s.Family).Distinct().Count()} families, {parallel} imports at once, Import:DecodeTimeout {timeout.TotalSeconds:0.#} s"));
            await using var portal = await BenchPortal.StartAsync(adminConnectionString, new Dictionary<string, string?>
            {
                ["Storage:Root"] = Path.Combine(work, "blobs"),
                ["Import:StagingRoot"] = Path.Combine(work, "staging"),
                ["Import:DecodeTimeout"] = timeout.ToString(),
                ["Import:MaxDecoderRuns"] = "50",
            });
            using var http = await portal.ManagerClientAsync("bench-fuzz-pm", Password);

            var run = new FuzzImportRun(http, name => portal.NewProjectAsync(name, "Lesion"), portal.Services.GetRequiredService<IMeterFactory>());
            var summary = await run.RunAsync(new FuzzCorpus(seeds, seed).Batches(inputs), parallel, CancellationToken.None);
            Console.Write(summary.Describe());
            if (Environment.GetEnvironmentVariable("WEAKSEG_FUZZ_FINDINGS") is { Length: > 0 } findings)
            {
                summary.WriteFindings(findings);
                Console.WriteLine($"findings written to {findings}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"goal: hangs past the timeout {summary.Units.Count(u => u.Seconds > timeout.TotalSeconds + 5)}, inputs without an outcome {summary.Count(FuzzOutcome.Missing) + summary.Count(FuzzOutcome.PortalError)}, portal survived {(summary.PortalSurvived ? "yes" : "NO")}"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
