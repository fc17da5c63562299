using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Qa;
using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// The blocker of issue 9, step by step as a new user met it: an item with labels of every kind,
/// reopened (a reload, a later visit, a return by QA), must keep saving what is drawn next, and
/// submit and skip must move on. A reloaded label is never sent again.
/// </summary>
public sealed class ReopenedItemTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private const string User = "ann1";

    /// <summary>
    /// One label of every kind the demo project allows once full masks are on, and an item tag.
    /// <paramref name="dx"/> puts the shapes beside earlier ones, so both sets stay apart on screen.
    /// </summary>
    private static async Task DrawEveryKindAsync(IPage page, double dx, string tagAnswer)
    {
        var at = await ViewportAsync(page);
        (float X, float Y) At(double fx, double fy) => at(fx + dx, fy);
        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, At, (0.42, 0.42), (0.5, 0.5), (0.56, 0.55));
        await page.GetByTestId("tool-scribble").ClickAsync();
        await DragAsync(page, At, (0.35, 0.6), (0.38, 0.62), (0.41, 0.6), (0.44, 0.63), (0.47, 0.61));
        await page.GetByTestId("tool-point").ClickAsync();
        await ClickAsync(page, At, 0.48, 0.46);
        await page.GetByTestId("tool-polygon").ClickAsync();
        foreach (var (fx, fy) in new[] { (0.59, 0.59), (0.65, 0.59), (0.65, 0.65), (0.59, 0.65) })
        {
            await ClickAsync(page, At, fx, fy);
        }
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("tool-brush").ClickAsync();
        await DragAsync(page, At, (0.30, 0.30), (0.33, 0.31), (0.36, 0.33));
        await page.GetByTestId("tool-eraser").ClickAsync();
        await DragAsync(page, At, (0.32, 0.30), (0.34, 0.32));
        await page.GetByTestId($"tag-item-1-{tagAnswer}").ClickAsync();
    }

    private static Task<string[]> KindsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => window.__weakseg.annotations().map(a => a.kind === 'brush' && a.brush.erase ? 'eraser' : a.kind).sort()");

    private static async Task ReloadAsync(IPage page, int labels)
    {
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync($"() => window.__weakseg.annotations().length === {labels}");
    }

    /// <summary>Nothing of the reloaded labels was sent again: each command once, and only tags replaced (a new answer deletes the old).</summary>
    private async Task<IReadOnlyList<object>> StoredOnceAsync(Guid item, int expected)
    {
        var stored = await StoredEventsAsync(portal, item, User);
        var tags = stored.OfType<TagSet>().Select(t => t.AnnotationId).ToHashSet();
        Assert.All(stored.OfType<AnnotationDeleted>(), d => Assert.Contains(d.AnnotationId, tags));
        Assert.Equal(expected, stored.Count);
        Assert.Equal(expected, stored.Select(e => ((dynamic)e).CommandId).Distinct().Count());
        return stored;
    }

    /// <summary>
    /// Submits and waits for the next item. Labels of the liver with the item tagged "liver absent" contradict each other:
    /// Submit first lists that (3D consistency rules) beside the buttons, and "Submit anyway" goes ahead.
    /// </summary>
    private static async Task SubmitContradictoryAsync(IPage page)
    {
        var before = await ItemIdAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit item" }).ClickAsync();
        var warnings = page.GetByTestId("consistency-warnings");
        await Assertions.Expect(warnings).ToContainTextAsync("is tagged absent from the whole image, but slice");
        await Assertions.Expect(warnings.GetByTestId("consistency-finding")).ToHaveAttributeAsync("data-rule", "absent-but-drawn");
        Assert.Equal(before, await ItemIdAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit item anyway" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => window.__weakseg && window.__weakseg.itemId !== '{before}'", null, new() { Timeout = 30_000 });
        await WaitForWorkspaceAsync(page);
    }

    [Fact]
    public async Task An_item_with_labels_of_every_kind_keeps_saving_after_a_reload_and_after_QA_returns_it_and_can_be_submitted_and_skipped()
    {
        await AllowFullMasksOnTheDemoProjectAsync(portal);
        var (context, page) = await OpenWorkspaceAsync(portal, User);
        await using var _ = context;
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var first = await ItemIdAsync(page);

        // 1. Labels of every kind, saved.
        await DrawEveryKindAsync(page, dx: 0, tagAnswer: "present");
        await WaitForSavedAsync(page);
        string[] every = ["box", "brush", "eraser", "point", "polygon", "scribble"];
        Assert.Equal(every, await KindsAsync(page));
        await StoredOnceAsync(first, 7);

        // 2. Reopened: a reload. 3. Draw again, of every kind: it saves, and nothing reloaded is sent again.
        await ReloadAsync(page, 6);
        Assert.Equal(every, await KindsAsync(page));
        await DrawEveryKindAsync(page, dx: 0.2, tagAnswer: "absent");
        await WaitForSavedAsync(page);
        // Six new labels, and the item tag answered anew: the old answer deleted, the new one set.
        var stored = await StoredOnceAsync(first, 15);
        Assert.Equal(2, stored.OfType<PointPlaced>().Count());
        Assert.Single(stored.OfType<AnnotationDeleted>());
        await ReloadAsync(page, 12);
        Assert.Single(await page.EvaluateAsync<object[]>("() => window.__weakseg.tags()"));

        // Submit moves on to the next item, once the annotator has seen that the tag contradicts the labels.
        await SubmitContradictoryAsync(page);
        var second = await ItemIdAsync(page);
        Assert.NotEqual(first, second);
        var me = await UserIdAsync(portal, User);
        Assert.Contains(await ItemEventsAsync(first), e => e is ItemSubmitted s && s.AnnotatorId == me);

        // The next item: a point, a reload, a box after it, then skip.
        await page.GetByTestId("tool-point").ClickAsync();
        await ClickAsync(page, await ViewportAsync(page), 0.5, 0.5);
        await WaitForSavedAsync(page);
        await ReloadAsync(page, 1);
        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, await ViewportAsync(page), (0.3, 0.3), (0.4, 0.4));
        await WaitForSavedAsync(page);
        await StoredOnceAsync(second, 2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip item" }).ClickAsync();
        await page.GetByLabel("Why skip?").ClickAsync();
        await page.GetByText("Structure not visible").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip this item" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => window.__weakseg && window.__weakseg.itemId !== '{second}'", null, new() { Timeout = 30_000 });
        Assert.Contains(await ItemEventsAsync(second), e => e is ItemSkipped);

        // QA returns the first item: it is resumed first, with its labels, keeps saving and can be submitted again.
        await ReturnAsync(first, "Box the liver tighter.");
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        Assert.Equal(first, await ItemIdAsync(page));
        await Assertions.Expect(page.GetByTestId("return-comment")).ToContainTextAsync("Box the liver tighter.");
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().length === 12");
        await page.GetByTestId("tool-scribble").ClickAsync();
        await DragAsync(page, await ViewportAsync(page), (0.2, 0.7), (0.25, 0.72), (0.3, 0.7));
        await WaitForSavedAsync(page);
        await StoredOnceAsync(first, 16);
        await SubmitContradictoryAsync(page);
        Assert.Equal(2, (await ItemEventsAsync(first)).OfType<ItemSubmitted>().Count());
        Assert.Empty(errors);
    }

    private async Task<IReadOnlyList<object>> ItemEventsAsync(Guid item)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(item);
        return [.. events.Select(e => e.Data)];
    }

    private async Task ReturnAsync(Guid item, string comment)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ReturnItemHandler>()
            .HandleAsync(new ReturnItem(item, await UserIdAsync(portal, User), comment, await UserIdAsync(portal, "qa"), ByManager: false), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }
}
