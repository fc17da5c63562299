using System.Text.Json;
using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;

using static WeakSegPortal.E2E.SuggestSteps;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// Issue 11's round trip through a real worker process (not a stand-in): the browser's box is answered by the
/// WeakSegPortal.Worker child, accepted, kept across a reload with its provenance, and a second suggestion after the
/// reload is answered there too; when the worker is killed mid-session the next suggestion still answers, from the
/// web app's own engines.
/// </summary>
public sealed class WorkerRoundTripTests(WorkerSuggestionPortal portal) : IClassFixture<WorkerSuggestionPortal>
{
    private const short RightKidney = 2, LeftKidney = 3;

    private static async Task<JsonElement> BoxAsync(IPage page, DemoTruth truth, short label)
    {
        var k = truth.LargestSlice(label);
        var extent = truth.Extent(k, label);
        await GoToSliceAsync(page, k);
        await page.Keyboard.PressAsync("2"); // the class Kidney
        await DragVoxelsAsync(page, (extent.I0 - 3, extent.J0 - 3), (extent.I1 + 3, extent.J1 + 3));
        return (await ShownAsync(page, 0)).GetProperty("shown");
    }

    [Fact]
    public async Task A_box_is_answered_by_the_real_worker_accepted_kept_after_a_reload_and_after_the_worker_dies_the_web_app_answers()
    {
        try
        {
            const string user = "ann1";
            await AllowMasksOnTheDemoProjectAsync(portal);
            var (context, page) = await OpenWorkspaceAsync(portal, user);
            await using var _ = context;
            var errors = page.CollectErrors();
            var item = await ItemIdAsync(page);
            var truth = DemoTruth.For((await page.GetByTestId("overlay-tl").GetByTestId("item-name").TextContentAsync())!);
            await page.Keyboard.PressAsync("a");

            var first = await BoxAsync(page, truth, RightKidney);
            Assert.Equal((WorkerSuggestionPortal.WorkerName, "grabcut-box"), (first.GetProperty("ranOn").GetString(), first.GetProperty("engine").GetString()));
            await Assertions.Expect(page.GetByTestId("suggest-answer")).ToContainTextAsync($"ran on {WorkerSuggestionPortal.WorkerName}");
            await page.Keyboard.PressAsync("Enter");
            await WaitForSavedAsync(page);
            await page.SnapshotAsync("worker-1-accepted");

            await page.ReloadAsync();
            await WaitForWorkspaceAsync(page);
            await page.WaitForFunctionAsync("() => window.__weakseg.annotations().some(a => a.kind === 'mask')");
            var reloaded = Assert.Single(await MasksAsync(page));
            Assert.Equal(("suggestion", "grabcut-box"), (reloaded.GetProperty("provenance").GetProperty("source").GetString(), reloaded.GetProperty("provenance").GetProperty("engine").GetString()));
            await Assertions.Expect(page.GetByTestId("annotation-row")).ToContainTextAsync("Mask · Kidney · suggested by grabcut-box");

            await page.GetByTestId("tool-suggest").ClickAsync();
            var second = await BoxAsync(page, truth, LeftKidney);
            Assert.Equal(WorkerSuggestionPortal.WorkerName, second.GetProperty("ranOn").GetString());
            await page.Keyboard.PressAsync("Enter");
            await WaitForSavedAsync(page);
            Assert.Equal(2, (await MasksAsync(page)).Length);

            await portal.Worker!.KillAsync();
            var fallback = await BoxAsync(page, truth, RightKidney);
            Assert.Equal(("web", "grabcut-box"), (fallback.GetProperty("ranOn").GetString(), fallback.GetProperty("engine").GetString()));
            await page.Keyboard.PressAsync("Enter");
            await WaitForSavedAsync(page);
            await page.SnapshotAsync("worker-2-fallback");

            var stored = (await StoredEventsAsync(portal, item, user)).OfType<MaskPainted>().ToList();
            Assert.Equal(3, stored.Count);
            Assert.All(stored, m => Assert.Equal(("suggestion", "grabcut-box"), (m.Provenance.Source, m.Provenance.Engine)));
            Assert.Empty(errors);
        }
        finally
        {
            await portal.Worker!.KillAsync();
        }
    }
}
