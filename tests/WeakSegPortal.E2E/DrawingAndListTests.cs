using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;

using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>
/// Issue 10, items 1 and 2: a drawing tool draws, also on and next to earlier labels; Delete
/// removes only what is visibly selected; undo and redo go one step per press; the annotation
/// list selects and goes to the slice, highlights on hover, hides (view only) and deletes.
/// </summary>
public sealed class DrawingAndListTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    /// <summary>Page coordinates of voxel (i, j) of the slice on screen.</summary>
    private static async Task<(float X, float Y)> VoxelAsync(IPage page, double i, double j)
    {
        var box = (await page.GetByTestId("viewport").BoundingBoxAsync())!;
        var canvas = await page.EvaluateAsync<double[]>(
            "([i, j]) => { const w = window.__weakseg; return w.viewport.worldToCanvas(w.indexToWorld([i, j, w.slice()])); }",
            new[] { i, j });
        return ((float)(box.X + canvas[0]), (float)(box.Y + canvas[1]));
    }

    private static async Task ClickVoxelAsync(IPage page, double i, double j)
    {
        var (x, y) = await VoxelAsync(page, i, j);
        await page.Mouse.ClickAsync(x, y);
        // Cornerstone holds a click back ≈400 ms to tell it from a double-click.
        await page.WaitForTimeoutAsync(600);
    }

    private static Task<string[]> KindsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => window.__weakseg.annotations().map(a => a.kind === 'point' ? (a.point.positive ? 'point+' : 'point-') : a.kind)");

    /// <summary>The fills of the points' discs on screen, and last the class colour of the points, all as the browser computes them.</summary>
    private static Task<string[]> PointFillsAndClassColourAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => {
              const css = (c) => { const e = document.createElement('i'); e.style.color = c; document.body.append(e); const v = getComputedStyle(e).color; e.remove(); return v; };
              const classId = window.__weakseg.annotations().find(a => a.kind === 'point').classId;
              const swatch = document.querySelector(`[data-testid=class-${classId}] .ws-swatch`);
              const fills = [...document.querySelectorAll('[data-testid=viewport] svg circle[data-id=point-disc]')].map(c => css(c.getAttribute('fill')));
              return [...fills, getComputedStyle(swatch).backgroundColor];
            }
            """);

    /// <summary>The radii (screen px) of the points' discs on screen.</summary>
    private static Task<double[]> PointRadiiAsync(IPage page) =>
        page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('[data-testid=viewport] svg circle[data-id=point-disc]')].map(c => Number(c.getAttribute('r')))");

    private static Task<int> CountAsync(IPage page) => page.EvaluateAsync<int>("() => window.__weakseg.annotations().length");

    private static async Task ReloadAsync(IPage page, int labels)
    {
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync($"() => window.__weakseg.annotations().length === {labels}");
    }

    /// <summary>The labels the server keeps for the annotator: every one made and not deleted since.</summary>
    private async Task<IReadOnlyList<ILabelMade>> LiveLabelsAsync(Guid item, string user)
    {
        var stored = await StoredEventsAsync(portal, item, user);
        Assert.Equal(stored.Count, stored.Select(e => ((dynamic)e).CommandId).Distinct().Count());
        var deleted = stored.OfType<AnnotationDeleted>().Select(d => d.AnnotationId).ToHashSet();
        return [.. stored.OfType<ILabelMade>().Where(l => !deleted.Contains(((dynamic)l).AnnotationId))];
    }

    [Fact]
    public async Task A_point_pressed_on_a_box_edge_or_on_a_thick_scribble_is_drawn_Delete_with_nothing_selected_deletes_nothing_and_undo_goes_one_step_per_press()
    {
        const string user = "ann1";
        var (context, page) = await OpenWorkspaceAsync(portal, user);
        await using var _ = context;
        var errors = page.CollectErrors();
        var item = await ItemIdAsync(page);
        var at = await ViewportAsync(page);

        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, at, (0.40, 0.40), (0.5, 0.5), (0.56, 0.56));
        await page.GetByTestId("tool-scribble").ClickAsync();
        await page.GetByTestId("scribble-width").FillAsync("12");
        await DragAsync(page, at, (0.30, 0.70), (0.40, 0.72), (0.50, 0.70));
        var box = await page.EvaluateAsync<double[]>("() => { const b = window.__weakseg.annotations()[0].box; return [b.x0, b.y0, b.x1, b.y1]; }");
        var onScribble = await page.EvaluateAsync<double[]>("() => window.__weakseg.annotations()[1].scribble.points[1]");

        // A positive point right on the box's left edge, a negative one on the scribble: both drawn, neither label grabbed.
        await page.GetByTestId("tool-point").ClickAsync();
        await ClickVoxelAsync(page, box[0], (box[1] + box[3]) / 2);
        await page.GetByTestId("tool-point-negative").ClickAsync();
        await ClickVoxelAsync(page, onScribble[0], onScribble[1]);
        Assert.Equal(["box", "scribble", "point+", "point-"], await KindsAsync(page));
        Assert.Equal(box, await page.EvaluateAsync<double[]>("() => { const b = window.__weakseg.annotations()[0].box; return [b.x0, b.y0, b.x1, b.y1]; }"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__weakseg.selected()"));
        await page.SnapshotAsync("workspace-points-on-labels");

        // Points you can see: discs filled in the class colour (the negative one too), plus or minus inside, the same size at any zoom.
        var colours = await PointFillsAndClassColourAsync(page);
        Assert.Equal(3, colours.Length);
        Assert.All(colours, c => Assert.Equal(colours[^1], c));
        Assert.Equal(3, await page.Locator("[data-testid=viewport] svg [data-id=point-bar], [data-testid=viewport] svg [data-id=point-stem]").CountAsync());
        Assert.All(await PointRadiiAsync(page), r => Assert.Equal(7, r));
        await page.GetByTestId("zoom-in").ClickAsync();
        await page.GetByTestId("zoom-in").ClickAsync();
        await page.WaitForTimeoutAsync(300);
        var radii = await PointRadiiAsync(page);
        Assert.Equal(2, radii.Length);
        Assert.All(radii, r => Assert.Equal(7, r));
        await page.GetByTestId("fit").ClickAsync();

        // Nothing is visibly selected: Delete deletes nothing and says how to select.
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(page.GetByTestId("workspace").GetByTestId("message")).ToContainTextAsync("Select an annotation first");
        Assert.Equal(4, await CountAsync(page));

        // Undo: one label per press; redo brings them back in order.
        await page.Keyboard.PressAsync("Control+z");
        Assert.Equal(["box", "scribble", "point+"], await KindsAsync(page));
        await page.Keyboard.PressAsync("Control+z");
        Assert.Equal(["box", "scribble"], await KindsAsync(page));
        await page.Keyboard.PressAsync("Control+Shift+z");
        await page.Keyboard.PressAsync("Control+Shift+z");
        Assert.Equal(["box", "scribble", "point+", "point-"], await KindsAsync(page));
        await Assertions.Expect(page.GetByTestId("redo")).ToBeDisabledAsync();
        await WaitForSavedAsync(page);
        var live = await LiveLabelsAsync(item, user);
        Assert.Equal(4, live.Count);
        Assert.Equal([false, true], live.OfType<PointPlaced>().Select(p => p.Point.IsPositive).Order().ToArray());

        // After a reload the stored labels come back, and a point on the box's edge is still drawn, not a grab.
        await ReloadAsync(page, 4);
        await page.GetByTestId("tool-point").ClickAsync();
        await ClickVoxelAsync(page, (box[0] + box[2]) / 2, box[1]);
        Assert.Equal(["box", "scribble", "point+", "point-", "point+"], await KindsAsync(page));
        await page.Keyboard.PressAsync("Delete");
        Assert.Equal(5, await CountAsync(page));
        await WaitForSavedAsync(page);
        live = await LiveLabelsAsync(item, user);
        Assert.Equal(5, live.Count);
        Assert.Single(live.OfType<BoxDrawn>());
        Assert.Equal(3, live.OfType<PointPlaced>().Count());
        await ReloadAsync(page, 5);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_annotation_list_selects_and_goes_to_the_slice_highlights_on_hover_hides_without_deleting_and_deletes()
    {
        const string user = "ann2";
        var (context, page) = await OpenWorkspaceAsync(portal, user);
        await using var _ = context;
        var errors = page.CollectErrors();
        var item = await ItemIdAsync(page);
        var at = await ViewportAsync(page);
        var k0 = await page.EvaluateAsync<int>("() => window.__weakseg.slice()");

        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, at, (0.40, 0.40), (0.5, 0.5), (0.56, 0.56));
        await page.EvaluateAsync($"() => window.__weakseg.setSlice({k0 + 3})");
        await page.GetByTestId("tool-point").ClickAsync();
        await ClickAsync(page, at, 0.5, 0.5);
        var boxId = await page.EvaluateAsync<string>("() => window.__weakseg.annotations().find(a => a.kind === 'box').commandId");
        var boxRow = page.Locator("[data-testid=annotation-row][data-kind=box]");
        var pointRow = page.Locator("[data-testid=annotation-row][data-kind=point]");

        // A row click goes to the label's slice and selects it, plainly: the row says so too.
        await boxRow.ClickAsync();
        await page.WaitForFunctionAsync($"() => window.__weakseg.slice() === {k0}");
        Assert.Equal([boxId], await page.EvaluateAsync<string[]>("() => window.__weakseg.selected()"));
        await Assertions.Expect(boxRow).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(pointRow).ToHaveAttributeAsync("aria-selected", "false");

        // Hovering a row highlights its label; leaving the list ends it.
        await pointRow.HoverAsync();
        await boxRow.HoverAsync();
        Assert.Equal(boxId, await page.EvaluateAsync<string?>("() => window.__weakseg.highlighted()"));
        await page.SnapshotAsync("workspace-list-selected");
        await page.GetByTestId("viewport").HoverAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__weakseg.highlighted()"));

        // Hide is view only: nothing is deleted or sent, and a hidden label is not selected, so Delete leaves it.
        await boxRow.GetByTestId("annotation-hide").ClickAsync();
        Assert.Equal([boxId], await page.EvaluateAsync<string[]>("() => window.__weakseg.hidden()"));
        await Assertions.Expect(boxRow.GetByTestId("annotation-hide")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__weakseg.selected()"));
        await page.Keyboard.PressAsync("Delete");
        Assert.Equal(2, await CountAsync(page));

        // Delete from the list: the point goes, on another slice, without going there.
        await pointRow.GetByTestId("annotation-delete").ClickAsync();
        Assert.Equal(["box"], await KindsAsync(page));
        Assert.Equal(k0, await page.EvaluateAsync<int>("() => window.__weakseg.slice()"));
        await WaitForSavedAsync(page);
        var stored = await StoredEventsAsync(portal, item, user);
        Assert.Equal(3, stored.Count);
        Assert.Single(stored.OfType<AnnotationDeleted>());
        Assert.IsType<BoxDrawn>(Assert.Single(await LiveLabelsAsync(item, user)));

        // After a reload: the box is there and shown (hiding was never stored). Select it from the list, Delete, then undo.
        await ReloadAsync(page, 1);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__weakseg.hidden()"));
        await page.EvaluateAsync($"() => window.__weakseg.setSlice({k0 + 5})");
        await boxRow.ClickAsync();
        await page.WaitForFunctionAsync($"() => window.__weakseg.slice() === {k0} && window.__weakseg.selected().length === 1");
        await page.Keyboard.PressAsync("Delete");
        Assert.Equal(0, await CountAsync(page));
        await WaitForSavedAsync(page);
        Assert.Empty(await LiveLabelsAsync(item, user));
        await page.Keyboard.PressAsync("Control+z");
        Assert.Equal(["box"], await KindsAsync(page));
        await WaitForSavedAsync(page);
        Assert.IsType<BoxDrawn>(Assert.Single(await LiveLabelsAsync(item, user)));
        await ReloadAsync(page, 1);
        Assert.Empty(errors);
    }
}
