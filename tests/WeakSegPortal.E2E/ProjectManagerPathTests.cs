using System.IO.Compression;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Dashboard;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// A project manager's whole path in one test: create a project, upload a small data set, watch its coverage dashboard move,
/// live, while an annotator in a second browser context labels and submits (with reloads on both sides and more work after
/// them), then export the labels from the exports page (progress pushed, no reload), download the zip and check what it
/// holds; after a reload the finished export is still offered, a second, filtered export runs to its end, and the store holds
/// both with the one download recorded.
/// </summary>
public sealed class ProjectManagerPathTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string ProjectName = "Coverage (browser test)";

    private async Task<Guid> ProjectIdAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<ProjectSummary>().SingleAsync(p => p.Name == ProjectName)).Id;
    }

    private async Task<CoverageReport> StoredReportAsync(Guid project)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await CoverageReportQuery.LoadAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), project, DateTimeOffset.UtcNow, CancellationToken.None))!;
    }

    private static string[] SmallDataSet(string folder)
    {
        var files = new List<string>();
        // Discs of different sizes: the import refuses an image it already holds.
        foreach (var (name, radiusSquared) in new[] { ("case-a.png", 600), ("case-b.png", 300) })
        {
            var path = Path.Combine(folder, name);
            using var bitmap = new SkiaSharp.SKBitmap(96, 96, SkiaSharp.SKColorType.Gray8, SkiaSharp.SKAlphaType.Opaque);
            var pixels = bitmap.GetPixelSpan();
            for (var v = 0; v < pixels.Length; v++)
            {
                // A bright disc on a dark background, so there is something to label.
                var (x, y) = (v % 96 - 48, v / 96 - 48);
                pixels[v] = (byte)(x * x + y * y < radiusSquared ? 200 : 40);
            }
            using var png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(path, png.ToArray());
            files.Add(path);
        }
        return [.. files];
    }

    private static async Task LabelAndSubmitAsync(IPage page)
    {
        var at = await ViewportAsync(page);
        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, at, (0.44, 0.44), (0.5, 0.5), (0.56, 0.56));
        await WaitForSavedAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit item" }).ClickAsync();
    }

    [Fact]
    public async Task A_manager_creates_a_project_uploads_images_watches_coverage_move_while_an_annotator_labels_and_downloads_an_export_of_the_labels()
    {
        // The manager creates the project: one annotator per item, boxes.
        await using var managerContext = await portal.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 }, AcceptDownloads = true });
        var manager = await managerContext.NewPageAsync();
        var errors = manager.CollectErrors();
        var (pm, pmPassword) = Demo("pm");
        await manager.SignInAsync(portal.BaseAddress, pm, pmPassword);
        await manager.GotoAsync(new Uri(portal.BaseAddress, "/projects/new").ToString());
        await manager.WaitForInteractiveAsync();
        await manager.GetByLabel("Project name").FillAsync(ProjectName);
        await manager.GetByLabel("Class 1 name").FillAsync("Disc");
        await manager.GetByText("Bounding boxes").ClickAsync();
        await manager.GetByLabel("Annotators per item").FillAsync("1");
        await manager.GetByLabel("Annotators per item").BlurAsync();
        await Assertions.Expect(manager.GetByLabel("Project name")).ToHaveValueAsync(ProjectName);
        await Assertions.Expect(manager.GetByLabel("Bounding boxes")).ToBeCheckedAsync();
        await Assertions.Expect(manager.GetByLabel("Annotators per item")).ToHaveValueAsync("1");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Create project" }).ClickAsync();
        await manager.ShouldBeAtAsync(@"/edit\?created=true$", 60_000);
        var project = await ProjectIdAsync();
        // The team: the demo annotator (the team form has its own browser tests).
        var annotatorId = await UserIdAsync(portal, "ann1");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var team = await scope.ServiceProvider.GetRequiredService<SetProjectTeamHandler>()
                .HandleAsync(new SetProjectTeam(project, [new ProjectMember(annotatorId, ProjectRole.Annotator)], Guid.Empty), CancellationToken.None);
            Assert.True(team.Succeeded);
        }

        // A small data set: two PNG images through the import page.
        await manager.GotoAsync(new Uri(portal.BaseAddress, $"/projects/{project}/import").ToString());
        await manager.WaitForInteractiveAsync();
        var folder = Directory.CreateTempSubdirectory("weakseg-e2e-dashboard-").FullName;
        try
        {
            var files = SmallDataSet(folder);
            await manager.WaitForFunctionAsync("() => { const inputs = [...document.querySelectorAll('input[type=file]')]; return inputs.length === 2 && inputs.every(e => e._blazorInputFileNextFileId !== undefined); }");
            await manager.Locator("[data-testid=pick-files]").SetInputFilesAsync(files);
            await manager.GetByRole(AriaRole.Button, new() { Name = "Import 2 files" }).ClickAsync();
            await Assertions.Expect(manager.Locator("[data-testid=import-summary]")).ToContainTextAsync("2 items created", new() { Timeout = 60_000 });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // The dashboard, reached from the project list: nothing covered yet.
        await manager.GotoAsync(new Uri(portal.BaseAddress, "/projects").ToString());
        await manager.WaitForInteractiveAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Coverage of {ProjectName}" }).ClickAsync();
        await manager.ShouldBeAtAsync($"/projects/{project}/dashboard$");
        await manager.WaitForInteractiveAsync();
        var atTarget = manager.Locator("[data-testid=items-at-target]");
        var boxCell = manager.Locator("[data-testid=cell-1-box]");
        var progress = manager.Locator("[data-testid='annotator-Ari Annotator'] [data-testid=annotator-done]");
        await Assertions.Expect(atTarget).ToHaveTextAsync("0 of 2 items", new() { Timeout = 30_000 });
        await Assertions.Expect(boxCell).ToHaveAttributeAsync("data-with-any", "0");
        await manager.SnapshotAsync("dashboard-empty");

        // The annotator labels and submits the first item in a second browser context; the open dashboard follows.
        var (annotatorContext, annotator) = await OpenWorkspaceAsync(portal, "ann1", ProjectName);
        await using var _ = annotatorContext;
        var first = await ItemIdAsync(annotator);
        await LabelAndSubmitAsync(annotator);
        await annotator.WaitForFunctionAsync($"() => window.__weakseg && window.__weakseg.itemId && window.__weakseg.itemId !== '{first}'", null, new() { Timeout = 30_000 });
        await WaitForWorkspaceAsync(annotator);
        await Assertions.Expect(atTarget).ToHaveTextAsync("1 of 2 items", new() { Timeout = 30_000 });
        await Assertions.Expect(boxCell).ToHaveAttributeAsync("data-with-any", "1");
        await Assertions.Expect(progress).ToHaveTextAsync("1 of 2");
        await Assertions.Expect(manager.Locator("[data-testid=timing-box]")).ToContainTextAsync("box");
        await manager.SnapshotAsync("dashboard-live-one");

        // After a reload the page shows what the store holds.
        await manager.ReloadAsync();
        await manager.WaitForInteractiveAsync();
        var stored = await StoredReportAsync(project);
        Assert.Equal((2, 1), (stored.Items, stored.ItemsAtTarget));
        await Assertions.Expect(atTarget).ToHaveTextAsync($"{stored.ItemsAtTarget} of {stored.Items} items", new() { Timeout = 30_000 });
        await Assertions.Expect(boxCell).ToHaveAttributeAsync("data-at-target", "1");
        await Assertions.Expect(progress).ToHaveTextAsync("1 of 2");

        // The annotator reloads too, and the workspace comes back on the second item.
        var second = await ItemIdAsync(annotator);
        await annotator.ReloadAsync();
        await WaitForWorkspaceAsync(annotator);
        Assert.Equal(second, await ItemIdAsync(annotator));

        // More work after the reloads: the second item, seen live on the reloaded page.
        await LabelAndSubmitAsync(annotator);
        await Assertions.Expect(atTarget).ToHaveTextAsync("2 of 2 items", new() { Timeout = 30_000 });
        await Assertions.Expect(boxCell).ToHaveAttributeAsync("data-at-target", "2");
        await Assertions.Expect(progress).ToHaveTextAsync("2 of 2");
        // The data set grid filters: both items are at the target, none is left below it.
        var grid = manager.Locator("[data-testid=dataset-grid]");
        await Assertions.Expect(grid.Locator("[data-testid=row-submitted]")).ToHaveCountAsync(2);
        // Items go by their pseudonyms (the project's short name and a number), never the uploaded file's name.
        await manager.GetByLabel("Name contains").FillAsync("-0002");
        await Assertions.Expect(grid.Locator("[data-testid=row-submitted]")).ToHaveCountAsync(1);
        await manager.SnapshotAsync("dashboard-live-two");

        await manager.ReloadAsync();
        await manager.WaitForInteractiveAsync();
        stored = await StoredReportAsync(project);
        Assert.Equal((2, 2), (stored.Items, stored.ItemsAtTarget));
        Assert.Equal(2, stored.Throughput.Sum(d => d.Submitted));
        await Assertions.Expect(atTarget).ToHaveTextAsync("2 of 2 items", new() { Timeout = 30_000 });
        await Assertions.Expect(progress).ToHaveTextAsync("2 of 2");
        Assert.Contains(first, stored.Rows.Select(r => r.ItemId));

        await ExportAndDownloadAsync(manager, project, [first, second]);
        Assert.Empty(errors);
    }

    /// <summary>
    /// From the project list to the exports page: an export runs and its progress reaches the page without a reload; the zip
    /// holds the annotator's boxes as weak labels and a non-empty consensus mask per image; after a reload the export is still
    /// offered and a filtered one runs to its end.
    /// </summary>
    private async Task ExportAndDownloadAsync(IPage manager, Guid project, Guid[] items)
    {
        await manager.GotoAsync(new Uri(portal.BaseAddress, "/projects").ToString());
        await manager.WaitForInteractiveAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Exports of {ProjectName}" }).ClickAsync();
        await manager.ShouldBeAtAsync($"/projects/{project}/exports$");
        await manager.WaitForInteractiveAsync();
        await Assertions.Expect(manager.Locator("[data-testid=no-exports]")).ToBeVisibleAsync();

        await manager.Locator("[data-testid=start-export]").ClickAsync();
        var status = manager.Locator("[data-testid=export-status]");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", ExportStatus.Completed, new() { Timeout = 60_000 });
        await Assertions.Expect(manager.Locator("[data-testid=export-progress]")).ToHaveAttributeAsync("data-value", "100");
        await manager.SnapshotAsync("export-completed");
        var download = await manager.RunAndWaitForDownloadAsync(() => manager.Locator("[data-testid=download-export]").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"weakseg-e2e-export-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        try
        {
            await CheckZipAsync(path, items, await UserIdAsync(portal, "ann1"));
        }
        finally
        {
            File.Delete(path);
        }

        await manager.ReloadAsync();
        await manager.WaitForInteractiveAsync();
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", ExportStatus.Completed);
        await Assertions.Expect(manager.Locator("[data-testid=download-export]")).ToBeVisibleAsync();
        await manager.GetByLabel("Only items someone submitted").CheckAsync();
        await manager.GetByLabel("COCO JSON with RLE masks (2D images)").UncheckAsync();
        await manager.Locator("[data-testid=start-export]").ClickAsync();
        await Assertions.Expect(status).ToHaveCountAsync(2);
        await Assertions.Expect(status.First).ToHaveAttributeAsync("data-status", ExportStatus.Completed, new() { Timeout = 60_000 });
        await Assertions.Expect(manager.Locator("[data-testid=download-export]")).ToHaveCountAsync(2);

        await using var scope = portal.Services.CreateAsyncScope();
        var exports = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<ProjectExport>()
            .Where(e => e.ProjectId == project).OrderBy(e => e.RequestedAt).ToListAsync();
        Assert.Equal(2, exports.Count);
        Assert.Equal((1, 0), (exports[0].Downloads, exports[1].Downloads));
        Assert.Equal((2, 2), (exports[1].Items, exports[1].Done));
        Assert.Equal((true, false), (exports[1].Filter.SubmittedOnly, exports[1].Filter.GoldOnly));
        Assert.Contains(ExportFormats.Coco, exports[0].Formats);
        Assert.DoesNotContain(ExportFormats.Coco, exports[1].Formats);
    }

    /// <summary>
    /// The zip: both images in the weak labels, each with the annotator's one submitted box inside the 96 × 96 image (and its
    /// corners in world coordinates); per image a consensus and an annotator mask
    /// (a box alone marks no pixel as the class: it is a weak label) as PNG and NIfTI; COCO with both images.
    /// </summary>
    private static async Task CheckZipAsync(string path, Guid[] items, Guid annotator)
    {
        using var zip = ZipFile.OpenRead(path);
        WeakLabelFile file;
        await using (var json = zip.GetEntry("weak-labels.json")!.Open())
        {
            file = await WeakLabelFile.ReadAsync(json, CancellationToken.None);
        }
        Assert.Equal(items.Order(), file.Items.Select(i => i.Id).Order());
        foreach (var item in file.Items)
        {
            var by = Assert.Single(item.Annotators);
            Assert.Equal((annotator, true), (by.Id, by.Submitted));
            var box = Assert.Single(by.Labels);
            Assert.Equal((ExchangeLabel.Box, 1), (box.Kind, box.ClassId));
            var corners = box.Voxel!;
            Assert.Equal(2, corners.Count);
            Assert.All(corners, c => Assert.All(c.Take(2), v => Assert.InRange(v, 0, 96)));
            Assert.True(corners[0][0] < corners[1][0] && corners[0][1] < corners[1][1], "The box has an extent.");
            Assert.All(box.World!, w => Assert.Equal(3, w.Length));
            Assert.Equal(2, box.World!.Count);
            foreach (var mask in new[] { "consensus", $"annotator-{annotator}" })
            {
                using var png = SkiaSharp.SKBitmap.Decode(zip.GetEntry($"png/{item.Id}/{mask}.png")!.Open());
                Assert.Equal((96, 96), (png.Width, png.Height));
                Assert.NotNull(zip.GetEntry($"nifti/{item.Id}/{mask}.nii.gz"));
            }
        }
        await using var coco = zip.GetEntry("coco.json")!.Open();
        using var document = await JsonDocument.ParseAsync(coco);
        Assert.Equal(2, document.RootElement.GetProperty("images").GetArrayLength());
        Assert.Equal("Disc", document.RootElement.GetProperty("categories")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_annotator_opening_the_dashboard_is_refused()
    {
        await using var context = await portal.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var (user, password) = Demo("ann1");
        await page.SignInAsync(portal.BaseAddress, user, password);
        await page.GotoAsync(new Uri(portal.BaseAddress, $"/projects/{Guid.NewGuid()}/dashboard").ToString());
        await Assertions.Expect(page.GetByText("Your role does not give access to this page")).ToBeVisibleAsync();
    }
}
