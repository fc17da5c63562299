using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// Import throughput in slices/s through the whole pipeline: a generated 512×512×N CT series
/// (DemoVolumeGenerator + GdcmDicomSeriesWriter) posted to POST /api/projects/{id}/imports on a real
/// socket — upload, staging, `weakseg stage` in a child process (scan, order, decode, blob write),
/// duplicate check and the Marten transaction. Each run imports into a fresh project (a second
/// import into the same project would be refused as a duplicate).
/// Optional arguments: slices (default 64), runs (default 3).
/// </summary>
internal static class ImportThroughputBenchmark
{
    private const string Password = "bench-import-pw";

    public static async Task RunAsync(string adminConnectionString, string[] args)
    {
        var slices = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var work = Directory.CreateTempSubdirectory("weakseg-bench-import-").FullName;
        try
        {
            // Settings come from the environment because BenchPortal builds a plain WebApplication.
            Environment.SetEnvironmentVariable("Storage__Root", Path.Combine(work, "blobs"));
            Environment.SetEnvironmentVariable("Import__StagingRoot", Path.Combine(work, "staging"));
            var series = Path.Combine(work, "series");
            var ct = new DemoVolumeGenerator(42).CreateCt(512, slices);
            var files = new GdcmDicomSeriesWriter().Write(ct.Image, series, new DicomSeriesIdentity("2.25.71", "2.25.71.1", "CT", "benchmark"));
            var bytes = files.Sum(f => new FileInfo(f).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}; series 512x512x{slices}, {files.Count} files, {bytes / 1048576.0:F1} MiB"));

            await using var portal = await BenchPortal.StartAsync(adminConnectionString);
            using var http = await portal.ManagerClientAsync("bench-pm", Password);
            var rates = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var project = await portal.NewProjectAsync($"Import bench {run}", "Liver");
                using var form = new MultipartFormDataContent();
                foreach (var file in files)
                {
                    var part = new StreamContent(File.OpenRead(file));
                    part.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
                    form.Add(part, "files", Path.GetFileName(file));
                }
                var clock = Stopwatch.StartNew();
                using var response = await http.PostAsync(new Uri($"/api/projects/{project}/imports", UriKind.Relative), form);
                var body = await response.Content.ReadAsStringAsync();
                clock.Stop();
                if (!response.IsSuccessStatusCode || !body.Contains("\"items\":[{", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Import failed: {(int)response.StatusCode} {body[..Math.Min(400, body.Length)]}");
                }
                var rate = slices / clock.Elapsed.TotalSeconds;
                // Run 0 warms up the JIT, the page cache and the database.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  run {run}{(run == 0 ? " (warm-up)" : "")}: {clock.Elapsed.TotalMilliseconds:F0} ms = {rate:F0} slices/s, {bytes / 1048576.0 / clock.Elapsed.TotalSeconds:F0} MiB/s"));
                if (run > 0)
                {
                    rates.Add(rate);
                }
            }
            rates.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import throughput (HTTP upload -> child decode -> blob -> event store), 512x512 CT: median {rates[rates.Count / 2]:F0} slices/s over {rates.Count} runs"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
