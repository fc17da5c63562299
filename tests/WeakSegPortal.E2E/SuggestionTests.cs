using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Suggestions;
using WeakSegPortal.Core.Labels;

using static WeakSegPortal.E2E.SuggestSteps;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// Issue 11, item 5 and the browser round trip of item 6: the Suggest tool in a real chromium against
/// the real portal — a box around an organ, the suggested mask over the image, Enter saves it as a
/// mask label with its provenance, a reload keeps it; then clicks and a negative click refine one
/// object, Esc rejects it, and a third is accepted. What was stored is read back from the event store.
/// </summary>
public sealed class SuggestionTests(SuggestionPortal portal) : IClassFixture<SuggestionPortal>
{
    private const short RightKidney = 2, LeftKidney = 3;

    private async Task<IReadOnlyList<object>> ObjectStreamAsync(Guid annotator, Guid objectId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(SuggestionStreams.For(annotator, objectId));
        return [.. events.Select(e => e.Data)];
    }

    private static async Task<IReadOnlyList<object>> EventuallyAsync(Func<Task<IReadOnlyList<object>>> read, Func<IReadOnlyList<object>, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var events = await read();
            if (done(events) || attempt == 50)
            {
                return events;
            }
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_box_around_a_kidney_is_accepted_as_a_mask_label_kept_after_a_reload_then_a_clicked_object_is_refined_and_rejected_and_a_third_accepted()
    {
        const string user = "ann1";
        await AllowMasksOnTheDemoProjectAsync(portal);
        var (context, page) = await OpenWorkspaceAsync(portal, user);
        await using var _ = context;
        var errors = page.CollectErrors();
        var item = await ItemIdAsync(page);
        var annotator = await UserIdAsync(portal, user);
        var truth = DemoTruth.For((await page.GetByTestId("overlay-tl").GetByTestId("item-name").TextContentAsync())!);

        // 1. A box around the right kidney on the slice where it is largest.
        var k1 = truth.LargestSlice(RightKidney);
        var kidney = truth.Extent(k1, RightKidney);
        await GoToSliceAsync(page, k1);
        await page.Keyboard.PressAsync("a");
        await page.Keyboard.PressAsync("2"); // the class Kidney
        Assert.Equal("suggest", await page.EvaluateAsync<string>("() => window.__weakseg.mode()"));
        await Assertions.Expect(page.GetByTestId("suggest-readiness")).ToHaveTextAsync("slice ready");
        await DragVoxelsAsync(page, (kidney.I0 - 3, kidney.J0 - 3), (kidney.I1 + 3, kidney.J1 + 3));
        var first = await ShownAsync(page, 0);
        var shown = first.GetProperty("shown");
        Assert.Equal("grabcut-box", shown.GetProperty("engine").GetString());
        Assert.Equal(portal.ExpectedRanOn, shown.GetProperty("ranOn").GetString());
        Assert.True(await page.EvaluateAsync<int>("() => Number(document.querySelector('[data-testid=suggest-layer]').dataset.voxels)") > 50);
        await Assertions.Expect(page.GetByTestId("suggest-engine")).ToContainTextAsync("grabcut-box");
        await Assertions.Expect(page.GetByTestId("suggest-answer")).ToContainTextAsync($"ran on {portal.ExpectedRanOn}");
        Assert.Empty(await MasksAsync(page));
        await page.SnapshotAsync("suggest-1-box");

        await page.Keyboard.PressAsync("Enter");
        await WaitForSavedAsync(page);
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("saved");
        var accepted = Assert.Single(await MasksAsync(page));
        var mask = accepted.GetProperty("mask");
        var decoded = MaskRle.Decode([.. mask.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32())], mask.GetProperty("width").GetInt32(), mask.GetProperty("height").GetInt32());
        var dice = Overlap.Dice(decoded, truth.Mask(k1, RightKidney));
        Assert.True(dice >= 0.85, $"GrabCut from a tight box: Dice {dice:0.000} with the kidney");
        Assert.True(await page.EvaluateAsync<int>("k => Object.values(window.__weakseg.maskCounts(k)).reduce((a, b) => a + b, 0)", k1) > 50, "the label shows in the class's colour");
        var firstSuggestion = Guid.Parse(shown.GetProperty("suggestionId").GetString()!);
        var firstObject = Guid.Parse(first.GetProperty("object").GetProperty("objectId").GetString()!);

        var painted = Assert.Single((await StoredEventsAsync(portal, item, user)).OfType<MaskPainted>());
        Assert.Equal("suggestion", painted.Provenance.Source);
        Assert.Equal("grabcut-box", painted.Provenance.Engine);
        Assert.Equal(firstSuggestion, painted.Provenance.SuggestionId);
        Assert.Equal(firstObject, painted.Provenance.ObjectId);
        Assert.Contains("\"box\"", painted.Provenance.Prompt, StringComparison.Ordinal);
        var firstStream = await EventuallyAsync(() => ObjectStreamAsync(annotator, firstObject), e => e.OfType<SuggestionAccepted>().Any());
        Assert.Single(firstStream.OfType<SuggestionRequested>());
        Assert.Equal(painted.AnnotationId, Assert.Single(firstStream.OfType<SuggestionAccepted>()).AnnotationId);

        // 2. After a reload the label is still there, with its provenance; a clicked object is refined and rejected.
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().some(a => a.kind === 'mask')");
        var reloaded = Assert.Single(await MasksAsync(page));
        Assert.Equal("grabcut-box", reloaded.GetProperty("provenance").GetProperty("engine").GetString());
        await Assertions.Expect(page.GetByTestId("annotation-row")).ToContainTextAsync("Mask · Kidney · suggested by grabcut-box");

        var k2 = truth.LargestSlice(LeftKidney);
        var left = truth.Extent(k2, LeftKidney);
        await GoToSliceAsync(page, k2);
        await page.GetByTestId("tool-suggest").ClickAsync();
        await ClickVoxelAsync(page, left.Ci, left.Cj);
        var clicked = await ShownAsync(page, 1);
        var objectId = clicked.GetProperty("object").GetProperty("objectId").GetString();
        var before = clicked.GetProperty("shown").GetProperty("suggestionId").GetString();
        await ClickVoxelAsync(page, left.I1 + 4, left.Cj, shift: true);
        var refined = await ShownAsync(page, 2);
        Assert.Equal(objectId, refined.GetProperty("object").GetProperty("objectId").GetString());
        Assert.NotEqual(before, refined.GetProperty("shown").GetProperty("suggestionId").GetString());
        Assert.Equal([true, false], refined.GetProperty("object").GetProperty("prompt").GetProperty("points").EnumerateArray().Select(p => p.GetProperty("positive").GetBoolean()));
        await page.SnapshotAsync("suggest-2-refined");
        var rejectedId = Guid.Parse(refined.GetProperty("shown").GetProperty("suggestionId").GetString()!);
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForFunctionAsync("() => !window.__weakseg.suggestion().object");
        Assert.Equal("suggest", await page.EvaluateAsync<string>("() => window.__weakseg.mode()"));

        var secondStream = await EventuallyAsync(() => ObjectStreamAsync(annotator, Guid.Parse(objectId!)), e => e.OfType<SuggestionRejected>().Any());
        Assert.Equal(2, secondStream.OfType<SuggestionRequested>().Count());
        Assert.Equal(rejectedId, Assert.Single(secondStream.OfType<SuggestionRejected>()).SuggestionId);
        Assert.Empty(secondStream.OfType<SuggestionAccepted>());

        // 3. A third object, boxed and accepted: the left kidney, which the clicks above outlined.
        // (The liver, 60 HU in a 40 HU body, gives GrabCut from a box nothing to hold on to.)
        await page.Keyboard.PressAsync("2");
        await DragVoxelsAsync(page, (left.I0 - 3, left.J0 - 3), (left.I1 + 3, left.J1 + 3));
        await ShownAsync(page, 0);
        await page.Keyboard.PressAsync("Enter");
        await WaitForSavedAsync(page);
        await page.SnapshotAsync("suggest-3-accepted");
        Assert.Equal(2, (await MasksAsync(page)).Length);

        // An accepted mask is undone and redone like any label (no suggestion is open, so Ctrl+Z is the label undo).
        await page.Keyboard.PressAsync("Control+z");
        await WaitForSavedAsync(page);
        Assert.Single(await MasksAsync(page));
        await page.Keyboard.PressAsync("Control+Shift+z");
        await WaitForSavedAsync(page);
        Assert.Equal(2, (await MasksAsync(page)).Length);

        var events = await StoredEventsAsync(portal, item, user);
        var deleted = events.OfType<AnnotationDeleted>().Select(d => d.AnnotationId).ToHashSet();
        var stored = events.OfType<MaskPainted>().Where(m => !deleted.Contains(m.AnnotationId)).ToList();
        Assert.Equal(2, stored.Count);
        Assert.Single(deleted);
        Assert.All(stored, m => Assert.Equal("suggestion", m.Provenance.Source));
        Assert.DoesNotContain(stored, m => m.Provenance.SuggestionId == rejectedId);
        Assert.Empty(errors);
    }
}
