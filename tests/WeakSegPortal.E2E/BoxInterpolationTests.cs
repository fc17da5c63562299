using System.Text.Json;
using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;

using static WeakSegPortal.E2E.SuggestSteps;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// Issue 15, item 3 in a real chromium against the real portal: boxes drawn on slices 4 and 10, Interpolate (Shift+I)
/// proposes a box on each slice between; one is rejected on its slice (Esc) and labelled by hand instead, the rest are
/// accepted at once and stored as boxes with provenance "interpolated" at the corners the shared rule gives
/// (<see cref="BoxInterpolation"/>). After a reload they are there; a third box and a second interpolation follow, one
/// proposal accepted on its slice (Enter) and one rejected from its row, and the stored boxes say so.
/// </summary>
public sealed class BoxInterpolationTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string User = "ann1";
    private const int Kidney = 2;
    private const int K1 = 4, K2 = 10, K3 = 13, Rejected = 6;

    [Fact]
    public async Task Boxes_on_two_slices_interpolate_to_the_slices_between_accepted_as_interpolated_boxes_kept_after_a_reload_and_extended()
    {
        var (context, page) = await OpenWorkspaceAsync(portal, User);
        await using var _ = context;
        var errors = page.CollectErrors();
        var item = await ItemIdAsync(page);

        // 1. Two boxes of one class, on slices 4 and 10, then Interpolate.
        await page.Keyboard.PressAsync("b");
        await page.Keyboard.PressAsync("2"); // the class Kidney
        await DrawBoxAsync(page, K1, (60, 60), (100, 96), boxes: 1);
        await DrawBoxAsync(page, K2, (72, 70), (124, 120), boxes: 2);
        await page.Keyboard.PressAsync("Shift+I");
        var proposals = await ProposalsAsync(page);
        Assert.Equal("interpolation", proposals.GetProperty("origin").GetProperty("kind").GetString());
        Assert.Equal(Range(K1 + 1, K2 - 1), Slices(proposals, "open"));
        Assert.All(proposals.GetProperty("all").EnumerateArray(), p => Assert.Equal(("box", "interpolated"), (p.GetProperty("kind").GetString(), p.GetProperty("source").GetString())));
        await Assertions.Expect(page.GetByTestId("propagate-row")).ToHaveCountAsync(K2 - K1 - 1);
        await Assertions.Expect(page.GetByTestId("propagate-summary")).ToContainTextAsync("Interpolated: 5 on slices 6–10");

        // 2. Slice 6's proposal is rejected there (Esc); the rest are accepted at once; slice 6 gets a box by hand.
        await GoToSliceAsync(page, Rejected);
        await Assertions.Expect(page.Locator($"[data-testid=propagate-row][data-slice=\"{Rejected}\"]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ws-current"));
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator($"[data-testid=propagate-row][data-slice=\"{Rejected}\"]")).ToHaveAttributeAsync("data-state", "rejected");
        await page.GetByTestId("propagate-accept-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("propagate-panel")).ToHaveAttributeAsync("data-state", "done");
        await DrawBoxAsync(page, Rejected, (64, 62), (110, 106), boxes: 7);
        await WaitForSavedAsync(page);

        // 3. Stored: the key boxes and the hand-made one are manual, the four accepted ones interpolated at the rule's corners.
        var first = await LiveBoxesAsync(item);
        var keys = (first[K1], first[K2]);
        Assert.Equal(Range(K1, K2), first.Keys.Order());
        Assert.Equal(Range(K1 + 1, K2 - 1).Where(k => k != Rejected), first.Where(b => b.Value.Provenance.Source == Provenance.InterpolatedSource).Select(b => b.Key).Order());
        Assert.Equal(Provenance.ManualSource, first[Rejected].Provenance.Source);
        AssertInterpolated(first, keys.Item1.Box, keys.Item2.Box, skip: Rejected);

        // 4. After a reload the interpolated boxes are there and say so.
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("n => window.__weakseg.annotations().filter(a => a.kind === 'box' && a.provenance && a.provenance.source === 'interpolated').length === n", 4);
        await Assertions.Expect(page.Locator($"[data-testid=annotation-row][data-kind=box][data-slice=\"{K1 + 1}\"]")).ToContainTextAsync("interpolated");
        await page.SnapshotAsync("interpolate-1-reloaded");

        // 5. More work after the reload: a box on slice 13, interpolated back to slice 10's; slice 11's proposal accepted
        //    there (Enter), slice 12's rejected from its row.
        await page.Keyboard.PressAsync("b");
        await page.Keyboard.PressAsync("2");
        await DrawBoxAsync(page, K3, (80, 76), (130, 128), boxes: 8);
        await page.Keyboard.PressAsync("Shift+I");
        proposals = await ProposalsAsync(page);
        Assert.Equal(Range(K2 + 1, K3 - 1), Slices(proposals, "open"));
        await GoToSliceAsync(page, K2 + 1);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator($"[data-testid=propagate-row][data-slice=\"{K2 + 1}\"]")).ToHaveAttributeAsync("data-state", "accepted");
        await page.Locator($"[data-testid=propagate-row][data-slice=\"{K2 + 2}\"] button[data-act=reject]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("propagate-panel")).ToHaveAttributeAsync("data-state", "done");
        await WaitForSavedAsync(page);
        await page.SnapshotAsync("interpolate-2-extended");

        // 6. Stored: everything from before, slice 13 by hand, slice 11 interpolated between 10 and 13, nothing on 12.
        var second = await LiveBoxesAsync(item);
        Assert.Equal(Range(K1, K2 + 1).Append(K3), second.Keys.Order());
        Assert.All(first, b => Assert.Equal(b.Value.AnnotationId, second[b.Key].AnnotationId));
        Assert.Equal((Provenance.InterpolatedSource, Provenance.ManualSource), (second[K2 + 1].Provenance.Source, second[K3].Provenance.Source));
        AssertInterpolated(second.Where(b => b.Key == K2 + 1).ToDictionary(), second[K2].Box, second[K3].Box, skip: K2 + 2);
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("n => window.__weakseg.annotations().filter(a => a.kind === 'box').length === n", second.Count);
        Assert.Empty(errors);
    }

    private static async Task DrawBoxAsync(IPage page, int slice, (double I, double J) from, (double I, double J) to, int boxes)
    {
        await GoToSliceAsync(page, slice);
        await DragVoxelsAsync(page, from, to);
        await page.WaitForFunctionAsync("n => window.__weakseg.annotations().filter(a => a.kind === 'box').length === n", boxes);
    }

    private static async Task<JsonElement> ProposalsAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => { const p = window.__weakseg.propagation().proposals; return p && p.origin.kind === 'interpolation' && !p.running; }");
        return await page.EvaluateAsync<JsonElement>("() => window.__weakseg.propagation().proposals");
    }

    private static List<int> Slices(JsonElement proposals, string state) =>
        [.. proposals.GetProperty("all").EnumerateArray().Where(p => p.GetProperty("state").GetString() == state).Select(p => p.GetProperty("slice").GetInt32())];

    private static List<int> Range(int first, int last) => [.. Enumerable.Range(first, last - first + 1)];

    /// <summary>The annotator's live boxes of the class by slice (one each), as stored.</summary>
    private async Task<Dictionary<int, BoxDrawn>> LiveBoxesAsync(Guid item)
    {
        var events = await StoredEventsAsync(portal, item, User);
        var deleted = events.OfType<AnnotationDeleted>().Select(d => d.AnnotationId).ToHashSet();
        var boxes = events.OfType<BoxDrawn>().Where(b => !deleted.Contains(b.AnnotationId)).ToList();
        Assert.All(boxes, b => Assert.Equal(Kidney, b.Box.ClassId));
        return boxes.ToDictionary(b => b.Box.Slice);
    }

    private static void AssertInterpolated(Dictionary<int, BoxDrawn> stored, Box2D a, Box2D b, int skip)
    {
        var (expected, refused) = BoxInterpolation.Between(a, b);
        Assert.Null(refused);
        foreach (var box in expected.Where(e => e.Slice != skip && stored.ContainsKey(e.Slice)))
        {
            var got = stored[box.Slice].Box;
            Assert.Equal(Provenance.InterpolatedSource, stored[box.Slice].Provenance.Source);
            Assert.Equal((box.MinX, box.MinY, box.MaxX, box.MaxY), (got.MinX, got.MinY, got.MaxX, got.MaxY));
        }
    }
}
