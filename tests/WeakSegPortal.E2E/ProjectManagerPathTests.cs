using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Dashboard;
using WeakSegPortal.Core.Projects;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// A project manager creates a project, uploads a small data set and watches its coverage dashboard move, live, while an
/// annotator in a second browser context labels and submits; after reloads the page shows what the store holds.
/// </summary>
public sealed class ProjectDashboardTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
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
    public async Task A_manager_watches_coverage_move_while_an_annotator_labels_and_sees_the_stored_figures_after_a_reload()
    {
        // The manager creates the project: one annotator per item, boxes.
        await using var managerContext = await portal.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
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

        // More work after the reload: the second item, seen live on the reloaded page.
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
        Assert.Empty(errors);
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
