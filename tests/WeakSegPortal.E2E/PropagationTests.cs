using System.Text.Json;
using Microsoft.Playwright;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using Xunit.Abstractions;

using static WeakSegPortal.E2E.SuggestSteps;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// Issue 15, item 2 in a real chromium against the real portal (no worker: the web app's classical engine answers):
/// a box around a kidney, Propagate (Shift+P) streams masks for the neighbouring slices until the kidney ends, "accept
/// all" stores them as mask labels with provenance "propagated"; after a reload they are there, one slice is corrected
/// (its propagated mask deleted, a suggestion accepted instead), and the stored labels say so.
/// </summary>
public sealed class PropagationTests(SuggestionPortal portal, ITestOutputHelper output) : IClassFixture<SuggestionPortal>
{
    private const short RightKidney = 2;

    [Fact]
    public async Task A_box_propagated_over_the_kidney_is_accepted_as_propagated_masks_kept_after_a_reload_and_one_slice_is_corrected()
    {
        const string user = "ann1";
        await AllowMasksOnTheDemoProjectAsync(portal);
        var (context, page) = await OpenWorkspaceAsync(portal, user);
        await using var _ = context;
        var errors = page.CollectErrors();
        var item = await ItemIdAsync(page);
        var truth = DemoTruth.For((await page.GetByTestId("overlay-tl").GetByTestId("item-name").TextContentAsync())!);

        // 1. A box around the right kidney where it is largest, then Propagate.
        var k = truth.LargestSlice(RightKidney);
        var kidney = truth.Extent(k, RightKidney);
        await GoToSliceAsync(page, k);
        await page.Keyboard.PressAsync("b");
        await page.Keyboard.PressAsync("2"); // the class Kidney
        await DragVoxelsAsync(page, (kidney.I0 - 3, kidney.J0 - 3), (kidney.I1 + 3, kidney.J1 + 3));
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().some(a => a.kind === 'box')");
        await page.Keyboard.PressAsync("Shift+P");
        await page.WaitForFunctionAsync("() => { const p = window.__weakseg.propagation().proposals; return p && !p.running; }", null, new() { Timeout = 60_000 });
        var proposals = await page.EvaluateAsync<JsonElement>("() => window.__weakseg.propagation().proposals");
        Assert.Equal(JsonValueKind.Null, proposals.GetProperty("error").ValueKind);
        var slices = proposals.GetProperty("all").EnumerateArray().Select(p => p.GetProperty("slice").GetInt32()).ToList();
        Assert.Contains(k, slices); // the box's own slice, segmented first
        Assert.Contains(k + 1, slices);
        Assert.Contains(k - 1, slices);
        Assert.True(slices.Count >= 5, $"proposed slices: {string.Join(",", slices)}");
        Assert.Equal(slices.Max() - slices.Min() + 1, slices.Count); // one run without gaps
        var stops = proposals.GetProperty("stops").EnumerateArray().ToList();
        Assert.True(stops.Count >= 1, "the run stopped where the kidney ends (or at the volume's edge)");
        await Assertions.Expect(page.GetByTestId("propagate-row")).ToHaveCountAsync(slices.Count);
        Assert.True(await page.EvaluateAsync<int>("() => Number(document.querySelector('[data-testid=proposal-layer]').dataset.voxels)") > 50, "the proposal on this slice is drawn");
        await page.SnapshotAsync("propagate-1-proposed");

        // 2. Accept the whole range: every slice becomes a mask label with provenance "propagated".
        await page.GetByTestId("propagate-accept-all").ClickAsync();
        await WaitForSavedAsync(page);
        var painted = (await StoredEventsAsync(portal, item, user)).OfType<MaskPainted>().ToList();
        Assert.Equal(slices.Order(), painted.Select(m => m.Mask.Slice).Order());
        Assert.All(painted, m => Assert.Equal((Provenance.PropagatedSource, "grabcut-box"), (m.Provenance.Source, m.Provenance.Engine)));
        var dice = painted.Select(m => Overlap.Dice(MaskRle.Decode(m.Mask.Counts, m.Mask.Width, m.Mask.Height), truth.Mask(m.Mask.Slice, RightKidney))).ToList();
        output.WriteLine($"propagated {painted.Count} slices {slices.Min()}…{slices.Max()} from k={k}; Dice with the kidney: {string.Join(" ", dice.Select(d => d.ToString("0.000")))}; mean {dice.Average():0.000}; stops: {string.Join(" | ", stops.Select(s => s.GetProperty("reason").GetString()))}");
        Assert.True(dice.Average() >= 0.7, $"mean Dice {dice.Average():0.000}");

        // 3. After a reload the propagated labels are there, with their provenance.
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("n => window.__weakseg.annotations().filter(a => a.kind === 'mask' && a.provenance && a.provenance.source === 'propagated').length === n", painted.Count);
        await Assertions.Expect(page.Locator("[data-testid=annotation-row][data-kind=mask]").First).ToContainTextAsync("propagated by grabcut-box");

        // 4. Correct one slice: its propagated mask goes, a suggestion from a box there is accepted instead.
        var fix = k + 1;
        await GoToSliceAsync(page, fix);
        var row = page.Locator($"[data-testid=annotation-row][data-kind=mask][data-slice=\"{fix}\"]");
        await row.GetByTestId("annotation-delete").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        var there = truth.Extent(fix, RightKidney);
        await page.Keyboard.PressAsync("a");
        await page.Keyboard.PressAsync("2");
        await DragVoxelsAsync(page, (there.I0 - 3, there.J0 - 3), (there.I1 + 3, there.J1 + 3));
        await ShownAsync(page, 0);
        await page.Keyboard.PressAsync("Enter");
        await WaitForSavedAsync(page);
        await page.SnapshotAsync("propagate-2-corrected");

        // 5. Stored: the corrected slice holds one live mask, from the suggestion; the others are still propagated.
        var events = await StoredEventsAsync(portal, item, user);
        var deleted = events.OfType<AnnotationDeleted>().Select(d => d.AnnotationId).ToHashSet();
        var live = events.OfType<MaskPainted>().Where(m => !deleted.Contains(m.AnnotationId)).ToList();
        var atFix = Assert.Single(live, m => m.Mask.Slice == fix);
        Assert.Equal(Provenance.SuggestionSource, atFix.Provenance.Source);
        Assert.Equal(slices.Where(s => s != fix).Order(), live.Where(m => m.Provenance.Source == Provenance.PropagatedSource).Select(m => m.Mask.Slice).Order());
        Assert.Single(deleted);
        Assert.Empty(errors);
    }
}
