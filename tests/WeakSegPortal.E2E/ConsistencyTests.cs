using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// 3D consistency as the annotator meets it: Submit lists what the rules find in the saved labels (here a slice
/// skipped between two boxes of one structure), takes the annotator to the slice, and never fixes anything itself.
/// </summary>
public sealed class ConsistencyTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string User = "ann2";

    private static async Task BoxAsync(IPage page, double dx = 0)
    {
        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, await ViewportAsync(page), (0.42 + dx, 0.42), (0.5 + dx, 0.5), (0.56 + dx, 0.55));
    }

    [Fact]
    public async Task Submit_lists_a_slice_skipped_between_boxes_shows_that_slice_and_goes_through_once_it_is_boxed_after_a_reload()
    {
        var (context, page) = await OpenWorkspaceAsync(portal, User);
        await using var _ = context;
        var item = await ItemIdAsync(page);
        var k0 = await page.EvaluateAsync<int>("() => window.__weakseg.slice()");
        await BoxAsync(page);
        await page.EvaluateAsync($"() => window.__weakseg.setSlice({k0 + 2})");
        await BoxAsync(page, 0.01);
        await WaitForSavedAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit item" }).ClickAsync();
        var finding = page.GetByTestId("consistency-warnings").GetByTestId("consistency-finding");
        await Assertions.Expect(finding).ToHaveAttributeAsync("data-rule", "box-gap");
        await Assertions.Expect(finding).ToContainTextAsync($"is boxed on slices k={k0} and {k0 + 2} but not on slice k={k0 + 1}");
        await page.SnapshotAsync("consistency-before-submit");
        Assert.Equal(item, await ItemIdAsync(page));
        await finding.GetByRole(AriaRole.Button, new() { Name = $"Show slice {k0 + 1}" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => window.__weakseg.slice() === {k0 + 1}");

        // A reload keeps both boxes; the skipped slice is boxed and Submit goes straight through.
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().length === 2");
        await page.EvaluateAsync($"() => window.__weakseg.setSlice({k0 + 1})");
        await BoxAsync(page);
        await WaitForSavedAsync(page);
        await Assertions.Expect(page.GetByTestId("consistency-warnings")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit item" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => window.__weakseg && window.__weakseg.itemId !== '{item}'", null, new() { Timeout = 30_000 });

        var stored = await StoredEventsAsync(portal, item, User);
        Assert.Equal([k0, k0 + 1, k0 + 2], stored.OfType<BoxDrawn>().Select(b => b.Box.Slice).Order());
    }
}
