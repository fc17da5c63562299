using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Items;
using WeakSegPortal.Web.Slices;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// Latency of one 512×512 CT slice over HTTP on loopback: our raw and PNG endpoints, cold (volume
/// just loaded / slice not yet encoded) and warm (cached), against Orthanc's rendered-frame
/// endpoint for the same slice in the same run, each over a kept-alive connection.
/// </summary>
internal static class SliceServingBenchmark
{
    private const int Size = 512, Slices = 24, Requests = 300;

    public static async Task RunAsync(string adminConnectionString)
    {
        await using var portal = await BenchPortal.StartAsync(adminConnectionString);
        var demo = new DemoVolumeGenerator(7).CreateCt(Size, Slices);
        Guid item;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<CreateUserHandler>();
            var pm = await users.HandleAsync(new NewUser { UserName = "bench-pm", Password = "bench-password", Roles = [Roles.ProjectManager] }, CancellationToken.None);
            var draft = new ProjectDraft { Name = "Slices", Classes = [new() { Name = "Liver", Colour = "#ff0000" }], AllowedKinds = [AnnotationKind.Box] };
            var project = await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>().HandleAsync(new CreateProject(draft, pm.Id), CancellationToken.None);
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            item = (await scope.ServiceProvider.GetRequiredService<ItemRegistrar>().StageAsync(session, project.Id, Guid.Empty, "bench", demo.Image, pm.Id, CancellationToken.None)).ItemId;
            await session.SaveChangesAsync();
        }
        using var handler = new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip };
        using var ours = new HttpClient(handler) { BaseAddress = portal.Address };
        ours.DefaultRequestHeaders.Add("Cookie", await portal.SignInAsync("bench-pm", "bench-password"));
        var info = await ours.GetFromJsonAsync<ItemImageInfo>(new Uri($"/api/items/{item}", UriKind.Relative));
        var mid = Slices / 2;

        Report("ours raw, cold volume (first request: blob read + decode + encode)", [await TimeAsync(ours, $"/api/items/{item}/slices/axial/0.raw")]);
        var coldSlices = new List<double>();
        for (var k = 1; k < Slices; k++)
        {
            coldSlices.Add(await TimeAsync(ours, $"/api/items/{item}/slices/axial/{k}.raw"));
        }
        Report("ours raw, cold slice (volume in memory, slice not cached)", coldSlices);
        Report("ours raw, warm", await RepeatAsync(ours, $"/api/items/{item}/slices/axial/{mid}.raw"));
        Report("ours PNG 40/400, warm", await RepeatAsync(ours, $"/api/items/{item}/slices/axial/{mid}.png?window=40,400"));

        await using var orthanc = new OrthancServer();
        await orthanc.InitializeAsync();
        var folder = Directory.CreateTempSubdirectory("weakseg-bench-dicom-").FullName;
        try
        {
            var files = new GdcmDicomSeriesWriter().Write(demo.Image, folder, new DicomSeriesIdentity("1.2.826.0.1.3680043.10.1", "1.2.826.0.1.3680043.10.1.1", "CT", "bench"));
            using var pacs = new HttpClient { BaseAddress = orthanc.BaseAddress };
            using var upload = new ByteArrayContent(await File.ReadAllBytesAsync(files[mid]));
            using var stored = await pacs.PostAsync(new Uri("instances", UriKind.Relative), upload);
            var id = (await stored.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["ID"].ToString();
            var orthancWarm = await RepeatAsync(pacs, $"instances/{id}/frames/0/rendered?window-center=40&window-width=400");
            Report("Orthanc rendered frame 40/400, warm", orthancWarm);
            var oursWarm = await RepeatAsync(ours, $"/api/items/{item}/slices/axial/{mid}.png?window=40,400");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio Orthanc p50 / ours PNG p50 = {Median(orthancWarm) / Median(oursWarm):F1}× (slice {Size}×{Size}, info window {info!.Window.Center}/{info.Window.Width})"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<double>> RepeatAsync(HttpClient client, string path)
    {
        for (var w = 0; w < 20; w++)
        {
            await TimeAsync(client, path);
        }
        var times = new List<double>(Requests);
        for (var r = 0; r < Requests; r++)
        {
            times.Add(await TimeAsync(client, path));
        }
        return times;
    }

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadAsByteArrayAsync();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(List<double> times) => Percentile(times, 50);

    private static double Percentile(List<double> times, double percent)
    {
        var sorted = times.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];
    }

    private static void Report(string name, List<double> times) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: p50 {Percentile(times, 50):F2} ms, p95 {Percentile(times, 95):F2} ms ({times.Count} requests)"));
}
