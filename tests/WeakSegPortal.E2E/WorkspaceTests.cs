using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Seeding;

using static WeakSegPortal.E2E.WorkspaceSteps;

namespace WeakSegPortal.E2E;

/// <summary>The annotator's workspace in Debian's chromium against the real portal, hub and database.</summary>
public sealed class WorkspaceTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    /// <summary>Visible controls without an accessible name (aria-label, aria-labelledby, a label, a title or text), as HTML snippets.</summary>
    private static Task<string[]> UnnamedControlsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('button, input:not([type=hidden]), select, textarea, a[href], [role=button], [role=slider], [role=tab], [role=checkbox]')]
          .filter((e) => e.getClientRects().length > 0)
          .filter((e) => {
            const byIds = (e.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
            const byLabels = [...(e.labels ?? [])].map((l) => l.textContent).join(' ');
            const name = [e.getAttribute('aria-label'), byIds, byLabels, e.getAttribute('title'), e.textContent].join(' ').trim();
            return name.length === 0;
          })
          .map((e) => e.outerHTML.slice(0, 160))
        """);

    [Fact]
    public async Task A_box_a_scribble_and_a_point_survive_a_reload()
    {
        var (context, page) = await OpenWorkspaceAsync(portal, "ann1");
        await using var _ = context;
        var item = Guid.Parse(await page.EvaluateAsync<string>("() => window.__weakseg.itemId"));
        await DrawBoxScribbleAndPointAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.outbox().text === 'saved'");
        await Assertions.Expect(page.GetByTestId("save-status").First).ToContainTextAsync("saved");
        await page.SnapshotAsync("workspace-drawn");

        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        Assert.Equal(item.ToString(), await page.EvaluateAsync<string>("() => window.__weakseg.itemId"));
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().length === 3");
        var kinds = await page.EvaluateAsync<string[]>("() => window.__weakseg.annotations().map(a => a.kind).sort()");
        Assert.Equal(["box", "point", "scribble"], kinds);
        var stored = await StoredEventsAsync(portal, item, "ann1");
        Assert.Equal(3, stored.Count);
        Assert.Single(stored.OfType<BoxDrawn>());
        Assert.Single(stored.OfType<ScribbleDrawn>());
        Assert.Single(stored.OfType<PointPlaced>());
    }

    [Fact]
    public async Task Labels_drawn_offline_are_stored_exactly_once_after_reconnecting()
    {
        var (context, page) = await OpenWorkspaceAsync(portal, "ann2");
        await using var _ = context;
        var item = Guid.Parse(await page.EvaluateAsync<string>("() => window.__weakseg.itemId"));
        await context.SetOfflineAsync(true);
        await page.WaitForFunctionAsync("() => window.__weakseg.outbox().online === false", null, new() { Timeout = 45_000 });
        await DrawBoxScribbleAndPointAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.outbox().pending === 3");
        await Assertions.Expect(page.GetByTestId("save-status").First).ToContainTextAsync("offline");
        Assert.Empty(await StoredEventsAsync(portal, item, "ann2"));

        await context.SetOfflineAsync(false);
        // The page may have reloaded meanwhile (a Blazor circuit lost while offline): the outbox lives in IndexedDB and flushes after the reload.
        await page.WaitForFunctionAsync("() => window.__weakseg && window.__weakseg.outbox().text === 'saved'", null, new() { Timeout = 60_000 });
        var stored = await StoredEventsAsync(portal, item, "ann2");
        Assert.Equal(3, stored.Count);
        Assert.Equal(3, stored.Select(e => ((dynamic)e).CommandId).Distinct().Count());
    }

    /// <summary>The class shown by the composed full-mask label map under a viewport point (0: no paint).</summary>
    private static Task<int> LabelAtAsync(IPage page, double fx, double fy) =>
        page.EvaluateAsync<int>(
            @"([fx, fy]) => {
                const ws = window.__weakseg, el = ws.viewport.element;
                const [i, j] = ws.worldToIndex(ws.viewport.canvasToWorld([el.clientWidth * fx, el.clientHeight * fy])).map(Math.round);
                return ws.maskAt(i, j);
            }",
            new[] { fx, fy });

    [Fact]
    public async Task A_traced_and_a_clicked_polygon_a_brush_and_an_eraser_stroke_survive_a_reload_composed_and_are_stored_once()
    {
        await AllowFullMasksOnTheDemoProjectAsync(portal);
        var (context, page) = await OpenWorkspaceAsync(portal, "ann3");
        await using var _ = context;
        var item = Guid.Parse(await page.EvaluateAsync<string>("() => window.__weakseg.itemId"));
        var at = await ViewportAsync(page);
        // Every tool is on show now: each control must have a name a screen reader can say.
        Assert.Empty(await UnnamedControlsAsync(page));
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
        Assert.Empty(await UnnamedControlsAsync(page));
        await page.Keyboard.PressAsync("Escape");

        await page.GetByTestId("tool-polygon").ClickAsync();
        await DragAsync(page, at, (0.42, 0.42), (0.56, 0.42), (0.56, 0.56), (0.42, 0.56), (0.421, 0.425));
        await page.GetByTestId("tool-brush").ClickAsync();
        await page.GetByTestId("scribble-width").FillAsync("8");
        await DragAsync(page, at, (0.44, 0.49), (0.5, 0.5), (0.54, 0.52));
        await page.GetByTestId("tool-eraser").ClickAsync();
        await DragAsync(page, at, (0.47, 0.49), (0.5, 0.5));
        // A polygon by clicks: four vertices, Enter closes it.
        await page.GetByTestId("tool-polygon").ClickAsync();
        foreach (var (fx, fy) in new[] { (0.59, 0.59), (0.65, 0.59), (0.65, 0.65), (0.59, 0.65) })
        {
            await ClickAsync(page, at, fx, fy);
        }
        Assert.Equal(4, await page.EvaluateAsync<int>("() => window.__weakseg.clickedVertices().length"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => window.__weakseg.outbox().text === 'saved'");
        Assert.Equal(["polygon", "brush", "brush", "polygon 4"], await page.EvaluateAsync<string[]>(
            "() => window.__weakseg.annotations().map(a => a.kind === 'polygon' && a.polygon.points.length === 4 ? 'polygon 4' : a.kind)"));
        var classId = await page.EvaluateAsync<int>("() => window.__weakseg.annotations()[0].classId");
        async Task ComposedAsync()
        {
            Assert.Equal(classId, await LabelAtAsync(page, 0.45, 0.45)); // the traced polygon
            Assert.Equal(0, await LabelAtAsync(page, 0.485, 0.495)); // the eraser took polygon and brush paint of its class
            Assert.Equal(classId, await LabelAtAsync(page, 0.62, 0.62)); // the clicked polygon
            Assert.Equal(0, await LabelAtAsync(page, 0.7, 0.3));
        }
        await ComposedAsync();
        await page.SnapshotAsync("workspace-full-masks");

        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().length === 4");
        var back = await page.EvaluateAsync<string[]>(
            "() => window.__weakseg.annotations().map(a => a.kind === 'brush' ? (a.brush.erase ? 'eraser' : 'brush ' + a.brush.width) : a.kind + ' ' + (a.polygon.points.length >= 3)).sort()");
        Assert.Equal(["brush 8", "eraser", "polygon true", "polygon true"], back);
        await ComposedAsync();
        var stored = await StoredEventsAsync(portal, item, "ann3");
        Assert.Equal(4, stored.Count);
        Assert.Equal(2, stored.OfType<PolygonDrawn>().Count());
        Assert.Single(stored.OfType<BrushStrokePainted>(), e => !e.Stroke.Erase);
        Assert.Single(stored.OfType<BrushStrokePainted>(), e => e.Stroke.Erase);
        Assert.Equal(4, stored.Select(e => ((dynamic)e).CommandId).Distinct().Count());
    }

    [Fact]
    public async Task A_two_dimensional_image_is_labelled_like_a_volume_with_one_slice()
    {
        const string user = "e2e-2d", password = "e2e-2d-password";
        var annotator = await portal.EnsureUserAsync(user, password, WeakSegPortal.Web.Account.Roles.Annotator);
        var draft = WeakSegPortal.Web.Tests.Infrastructure.TestData.Draft("Chest radiographs (2D)", annotatorsPerItem: 1);
        var project = await WeakSegPortal.Web.Tests.Infrastructure.TestData.ProjectAsync(portal.Services, draft, new ProjectMember(annotator, ProjectRole.Annotator));
        var image = new WeakSegPortal.Imaging.Demo.DemoVolumeGenerator(7).CreateCt(160, 1).Image;
        var item = await WeakSegPortal.Web.Tests.Infrastructure.TestData.VolumeItemAsync(portal.Services, project, "radiograph-1", image);

        var context = await portal.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        await using var _ = context;
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.SignInAsync(portal.BaseAddress, user, password);
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start annotating Chest radiographs (2D)" }).ClickAsync();
        await WaitForWorkspaceAsync(page);
        Assert.Equal(item.ToString(), await page.EvaluateAsync<string>("() => window.__weakseg.itemId"));
        await Assertions.Expect(page.GetByTestId("slice-label")).ToHaveTextAsync("1 / 1");
        await Assertions.Expect(page.GetByTestId("slice-slider")).ToBeDisabledAsync();
        // One slice: tags for the whole image only.
        await Assertions.Expect(page.GetByTestId("tag-item-1-present")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("[data-testid^='tag-slice-']").CountAsync());

        // Scrolling a single slice stays on it.
        await page.GetByTestId("viewport").HoverAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Mouse.WheelAsync(0, 200);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__weakseg.slice()"));

        await DrawBoxScribbleAndPointAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.outbox().text === 'saved'");
        await page.SnapshotAsync("workspace-2d");
        await page.ReloadAsync();
        await WaitForWorkspaceAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.annotations().length === 3");
        var slices = await page.EvaluateAsync<int[]>("() => window.__weakseg.annotations().map(a => a.slice)");
        Assert.All(slices, k => Assert.Equal(0, k));
        Assert.Equal(3, (await WeakSegPortal.Web.Tests.Infrastructure.TestData.AnnotationStreamAsync(portal.Services, item, annotator)).Count);
        Assert.Empty(errors);
    }
}
