using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Security.Claims;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Items;
using WeakSegPortal.Web.Slices;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// Latency of slices over HTTP on loopback, each over a kept-alive connection, against Orthanc in the same run:
/// a 512×512 CT (raw and PNG, cold and warm; PNG against Orthanc's rendered frame), and a 256³ CT whose raw
/// slices in all three orientations (256×256 each) are set against Orthanc's raw frame of the same axial slice, warm
/// (interleaved request by request with Orthanc's) and cold (a slice not cut yet, as when scrolling). Then where a warm
/// raw request's time goes: authorization's store reads, the slice lookup, and the rest (Kestrel, cookie, routing,
/// writing); and a cold slice's cut, encoding and gzip (before and now) in process, per orientation.
/// </summary>
internal static class SliceServingBenchmark
{
    private const int Size = 512, Slices = 24, CubeSide = 256, Requests = 300;

    public static async Task RunAsync(string adminConnectionString)
    {
        await using var portal = await BenchPortal.StartAsync(adminConnectionString);
        var demo = new DemoVolumeGenerator(7).CreateCt(Size, Slices);
        var cube = new DemoVolumeGenerator(11).CreateCt(CubeSide, CubeSide);
        Guid item, cubeItem, pmId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<CreateUserHandler>();
            var pm = await users.HandleAsync(new NewUser { UserName = "bench-pm", Password = "bench-password", Roles = [Roles.ProjectManager] }, CancellationToken.None);
            pmId = pm.Id;
            var draft = new ProjectDraft { Name = "Slices", Classes = [new() { Name = "Liver", Colour = "#ff0000" }], AllowedKinds = [AnnotationKind.Box] };
            var project = await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>().HandleAsync(new CreateProject(draft, pm.Id), CancellationToken.None);
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            var registrar = scope.ServiceProvider.GetRequiredService<ItemRegistrar>();
            item = (await registrar.StageAsync(session, project.Id, Guid.Empty, "bench", demo.Image, pm.Id, CancellationToken.None)).ItemId;
            cubeItem = (await registrar.StageAsync(session, project.Id, Guid.Empty, "cube", cube.Image, pm.Id, CancellationToken.None)).ItemId;
            await session.SaveChangesAsync();
        }
        var cookie = await portal.SignInAsync("bench-pm", "bench-password");
        using var handler = new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.GZip };
        using var ours = new HttpClient(handler) { BaseAddress = portal.Address };
        ours.DefaultRequestHeaders.Add("Cookie", cookie);
        // No Accept-Encoding: the raw bytes as they are, as Orthanc sends its frame.
        using var oursIdentity = new HttpClient { BaseAddress = portal.Address };
        oursIdentity.DefaultRequestHeaders.Add("Cookie", cookie);
        var info = await ours.GetFromJsonAsync<ItemImageInfo>(new Uri($"/api/items/{item}", UriKind.Relative));
        var mid = Slices / 2;

        RequestLatency.Report("ours raw, cold volume (first request: blob read + decode + encode)", [await TimeAsync(ours, $"/api/items/{item}/slices/axial/0.raw")]);
        var coldSlices = new List<double>();
        for (var k = 1; k < Slices; k++)
        {
            coldSlices.Add(await TimeAsync(ours, $"/api/items/{item}/slices/axial/{k}.raw"));
        }
        RequestLatency.Report("ours raw, cold slice (volume in memory, slice not cached)", coldSlices);
        var oursRawGzip = await RepeatAsync(ours, $"/api/items/{item}/slices/axial/{mid}.raw");
        RequestLatency.Report("ours raw 512², warm, gzip on the wire", oursRawGzip);
        var oursRaw = await RepeatAsync(oursIdentity, $"/api/items/{item}/slices/axial/{mid}.raw");
        RequestLatency.Report("ours raw 512², warm, identity", oursRaw);
        RequestLatency.Report("ours PNG 40/400, warm", await RepeatAsync(ours, $"/api/items/{item}/slices/axial/{mid}.png?window=40,400"));

        await using var orthanc = new OrthancServer();
        await orthanc.InitializeAsync();
        var folder = Directory.CreateTempSubdirectory("weakseg-bench-dicom-").FullName;
        try
        {
            using var pacs = new HttpClient { BaseAddress = orthanc.BaseAddress };
            var id = await UploadAsync(pacs, demo.Image, Path.Combine(folder, "ct"), mid, "1");
            var orthancRendered = await RepeatAsync(pacs, $"instances/{id}/frames/0/rendered?window-center=40&window-width=400");
            RequestLatency.Report("Orthanc rendered frame 40/400, warm", orthancRendered);
            var oursPng = await RepeatAsync(ours, $"/api/items/{item}/slices/axial/{mid}.png?window=40,400");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio Orthanc p50 / ours PNG p50 = {RequestLatency.Median(orthancRendered) / RequestLatency.Median(oursPng):F1}× (slice {Size}×{Size}, info window {info!.Window.Center}/{info.Window.Width})"));
            var orthancRaw = await RepeatAsync(pacs, $"instances/{id}/frames/0/raw");
            RequestLatency.Report("Orthanc raw frame 512², warm", orthancRaw);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio ours raw 512² p50 / Orthanc raw p50 = identity {RequestLatency.Median(oursRaw) / RequestLatency.Median(orthancRaw):F2}×, gzip {RequestLatency.Median(oursRawGzip) / RequestLatency.Median(orthancRaw):F2}× (goal ≤ 2×)"));

            // The cube: every orientation's middle slice is 256×256, the same size as Orthanc's frame.
            var cubeId = await UploadAsync(pacs, cube.Image, Path.Combine(folder, "cube"), CubeSide / 2, "2");
            var orthancCube = await RepeatAsync(pacs, $"instances/{cubeId}/frames/0/raw");
            RequestLatency.Report($"Orthanc raw frame {CubeSide}², warm", orthancCube);
            foreach (var orientation in new[] { "axial", "coronal", "sagittal" })
            {
                var path = $"/api/items/{cubeItem}/slices/{orientation}/{CubeSide / 2}.raw";
                await TimeAsync(oursIdentity, path);
                // Interleaved (ours identity, ours gzip, Orthanc, ours identity, …): on a shared machine the load drifts
                // within seconds, and back-to-back blocks of 300 would give that drift to one side only.
                var (identity, gzip, again) = await InterleavedAsync(oursIdentity, path, ours, path, pacs, $"instances/{cubeId}/frames/0/raw");
                RequestLatency.Report($"ours raw {CubeSide}² {orientation}, warm, identity", identity);
                RequestLatency.Report($"ours raw {CubeSide}² {orientation}, warm, gzip on the wire", gzip);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ratio ours raw {orientation} p50 / Orthanc raw p50 (Orthanc interleaved with it: p50 {RequestLatency.Median(again):F2} ms) = identity {RequestLatency.Median(identity) / RequestLatency.Median(again):F2}×, gzip {RequestLatency.Median(gzip) / RequestLatency.Median(again):F2}× (goal ≤ 2×)"));
            }

            // Scrolling: each request a slice not cut yet (volume in memory), as the browser asks (gzip), Orthanc's raw frame
            // (read and parsed from its storage on every request) timed right after each.
            foreach (var orientation in new[] { "axial", "coronal", "sagittal" })
            {
                var cold = new List<double>();
                var beside = new List<double>();
                for (var k = 1; k < CubeSide; k += 2) // odd k: never the middle slice, which is warm
                {
                    cold.Add(await TimeAsync(ours, $"/api/items/{cubeItem}/slices/{orientation}/{k}.raw"));
                    beside.Add(await TimeAsync(pacs, $"instances/{cubeId}/frames/0/raw"));
                }
                RequestLatency.Report($"ours raw {CubeSide}² {orientation}, cold slice (not cut yet), gzip on the wire", cold);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ratio ours cold {orientation} p50 / Orthanc raw p50 (interleaved: p50 {RequestLatency.Median(beside):F2} ms) = {RequestLatency.Median(cold) / RequestLatency.Median(beside):F2}×"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        await WhereTheTimeGoesAsync(portal, oursIdentity, cubeItem, pmId);
        SliceCutCosts.Run(cube.Image, Requests);
    }

    /// <summary>Three requests timed in turn, round after round, after 20 rounds of warm-up.</summary>
    private static async Task<(List<double> First, List<double> Second, List<double> Third)> InterleavedAsync(
        HttpClient first, string firstPath, HttpClient second, string secondPath, HttpClient third, string thirdPath)
    {
        var (a, b, c) = (new List<double>(Requests), new List<double>(Requests), new List<double>(Requests));
        for (var r = 0; r < Requests + 20; r++)
        {
            var (x, y, z) = (await TimeAsync(first, firstPath), await TimeAsync(second, secondPath), await TimeAsync(third, thirdPath));
            if (r >= 20)
            {
                a.Add(x);
                b.Add(y);
                c.Add(z);
            }
        }
        return (a, b, c);
    }

    /// <summary>A warm raw request taken apart: the store reads of the access check, the slice lookup, and the bare HTTP round trip.</summary>
    private static async Task WhereTheTimeGoesAsync(BenchPortal portal, HttpClient ours, Guid item, Guid userId)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Role, Roles.ProjectManager)], "bench"));
        var access = new List<double>();
        var lookup = new List<double>();
        var slices = portal.Services.GetRequiredService<SliceService>();
        ItemView? view = null;
        for (var r = 0; r < Requests + 20; r++)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var scope = portal.Services.CreateAsyncScope())
            {
                (view, _) = await ItemAccess.LoadAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), item, user, CancellationToken.None);
            }
            var accessed = Stopwatch.GetTimestamp();
            _ = await slices.SliceCountAsync(view!, SliceOrientation.Coronal, CancellationToken.None);
            _ = await slices.RawAsync(view!, SliceOrientation.Coronal, CubeSide / 2, CancellationToken.None);
            if (r >= 20)
            {
                access.Add(Stopwatch.GetElapsedTime(started, accessed).TotalMilliseconds);
                lookup.Add(Stopwatch.GetElapsedTime(accessed).TotalMilliseconds);
            }
        }
        RequestLatency.Report("  in process: the access check (ItemAccess: item and project read from the store)", access);
        var cached = new List<double>();
        var remembered = portal.Services.GetRequiredService<ItemAccessCache>();
        for (var r = 0; r < Requests + 20; r++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = await remembered.LoadAsync(item, user, CancellationToken.None);
            if (r >= 20)
            {
                cached.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        RequestLatency.Report("  in process: the access check as the slice endpoints make it (ItemAccessCache, remembered)", cached);
        RequestLatency.Report("  in process: slice count + encoded-slice lookup", lookup);
        // Refused at the orientation, before any store read: the cookie, routing and a small answer.
        var bare = await RepeatAsync(ours, $"/api/items/{item}/slices/oblique/0.raw", expectSuccess: false);
        RequestLatency.Report("  HTTP without the access check or body (cookie, session check, routing, 400)", bare);
    }

    private static async Task<string> UploadAsync(HttpClient pacs, Volume volume, string folder, int slice, string series)
    {
        Directory.CreateDirectory(folder);
        var files = new GdcmDicomSeriesWriter().Write(volume, folder, new DicomSeriesIdentity($"1.2.826.0.1.3680043.10.{series}", $"1.2.826.0.1.3680043.10.{series}.1", "CT", "bench"));
        using var upload = new ByteArrayContent(await File.ReadAllBytesAsync(files[slice]));
        using var stored = await pacs.PostAsync(new Uri("instances", UriKind.Relative), upload);
        return (await stored.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["ID"].ToString()!;
    }

    private static async Task<List<double>> RepeatAsync(HttpClient client, string path, bool expectSuccess = true)
    {
        for (var w = 0; w < 20; w++)
        {
            await TimeAsync(client, path, expectSuccess);
        }
        var times = new List<double>(Requests);
        for (var r = 0; r < Requests; r++)
        {
            times.Add(await TimeAsync(client, path, expectSuccess));
        }
        return times;
    }

    private static async Task<double> TimeAsync(HttpClient client, string path, bool expectSuccess = true)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        if (expectSuccess)
        {
            response.EnsureSuccessStatusCode();
        }
        _ = await response.Content.ReadAsByteArrayAsync();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
