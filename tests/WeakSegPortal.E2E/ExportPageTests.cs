using System.IO.Compression;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Seeding;

namespace WeakSegPortal.E2E;

/// <summary>
/// A project manager exports the demo project from its page: the export runs in the background while its progress shows
/// live, the download is a zip with the weak labels and the NIfTI masks; after a reload the finished export and its link are
/// still there, a second export with a filter runs to the end, and the store holds both with the one download recorded.
/// </summary>
public sealed class ExportPageTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_manager_starts_an_export_downloads_it_and_after_a_reload_finds_it_and_runs_a_filtered_one()
    {
        var (project, item, label) = await LabelledDemoItemAsync();
        await using var context = await portal.Browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var errors = page.CollectErrors();
        var pm = DemoAccounts.All.Single(a => a.UserName == "pm");
        await page.SignInAsync(portal.BaseAddress, pm.UserName, pm.Password);
        await page.GotoAsync(new Uri(portal.BaseAddress, $"/projects/{project}/edit").ToString());
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=exports-link]").ClickAsync();
        await page.ShouldBeAtAsync($"/projects/{project}/exports$");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=no-exports]")).ToBeVisibleAsync();

        await page.Locator("[data-testid=start-export]").ClickAsync();
        var status = page.Locator("[data-testid=export-status]");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", ExportStatus.Completed, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=export-progress]")).ToHaveAttributeAsync("data-value", "100");
        await page.SnapshotAsync("export-completed");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=download-export]").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"weakseg-e2e-export-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            Assert.Contains(zip.Entries, e => e.FullName == $"nifti/{item}/consensus.nii.gz");
            await using var json = zip.GetEntry("weak-labels.json")!.Open();
            var file = await WeakLabelFile.ReadAsync(json, CancellationToken.None);
            var exported = file.Items.Single(i => i.Id == item).Annotators.SelectMany(a => a.Labels).Single(l => l.AnnotationId == label);
            Assert.Equal(ExchangeLabel.Scribble, exported.Kind);
        }
        finally
        {
            File.Delete(path);
        }

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(status).ToHaveAttributeAsync("data-status", ExportStatus.Completed);
        await Assertions.Expect(page.Locator("[data-testid=download-export]")).ToBeVisibleAsync();
        await page.GetByLabel("Only gold items").CheckAsync();
        await page.GetByLabel("COCO JSON with RLE masks (2D images)").UncheckAsync();
        await page.Locator("[data-testid=start-export]").ClickAsync();
        await Assertions.Expect(status).ToHaveCountAsync(2);
        await Assertions.Expect(status.First).ToHaveAttributeAsync("data-status", ExportStatus.Completed, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=download-export]")).ToHaveCountAsync(2);

        await using var scope = portal.Services.CreateAsyncScope();
        var exports = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<ProjectExport>()
            .Where(e => e.ProjectId == project).OrderBy(e => e.RequestedAt).ToListAsync();
        Assert.Equal(2, exports.Count);
        Assert.Equal(1, exports[0].Downloads);
        Assert.Equal((false, true), (exports[1].Filter.SubmittedOnly, exports[1].Filter.GoldOnly));
        Assert.DoesNotContain(ExportFormats.Coco, exports[1].Formats);
        Assert.Empty(errors);
    }

    /// <summary>The seeded demo project, with a scribble of the first demo annotator on its first item (stored as the hub stores it).</summary>
    private async Task<(Guid Project, Guid Item, Guid Label)> LabelledDemoItemAsync()
    {
        for (var tries = 0; tries < 300; tries++)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            if (await session.Query<ProjectSummary>().Where(p => p.Name.StartsWith("Demo")).FirstOrDefaultAsync() is { } demo
                && await session.Query<ItemView>().Where(i => i.ProjectId == demo.Id).OrderBy(i => i.RegisteredAt).FirstOrDefaultAsync() is { } item)
            {
                var annotator = Guid.NewGuid();
                var label = Guid.NewGuid();
                var slice = item.Geometry.Nz / 2;
                var scribble = new Scribble([new PlanePoint(10, 10), new PlanePoint(30, 12)], 3, slice, demo.Classes[0].Id);
                session.Events.Append(AnnotationStreams.For(item.Id, annotator),
                    new ScribbleDrawn(label, item.Id, annotator, Guid.NewGuid(), scribble, Provenance.Manual, 2000, DateTimeOffset.UtcNow));
                await session.SaveChangesAsync();
                return (demo.Id, item.Id, label);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The demo project was never seeded.");
    }
}
