using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Seeding;

namespace WeakSegPortal.E2E;

/// <summary>The annotator's workspace in Debian's chromium against the real portal, hub and database.</summary>
public sealed class WorkspaceTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static (string User, string Password) Demo(string user) =>
        DemoAccounts.All.Where(a => a.UserName == user).Select(a => (a.UserName, a.Password)).Single();

    private async Task<(IBrowserContext Context, IPage Page)> OpenWorkspaceAsync(string user)
    {
        var context = await portal.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var (name, password) = Demo(user);
        await page.SignInAsync(portal.BaseAddress, name, password);
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start annotating Demo: abdominal CT (synthetic)" }).ClickAsync();
        await WaitForWorkspaceAsync(page);
        return (context, page);
    }

    private static async Task WaitForWorkspaceAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__weakseg && window.__weakseg.itemId", null, new() { Timeout = 60_000 });
        await page.EvaluateAsync("() => window.__weakseg.ready");
    }

    private static async Task<Func<double, double, (float X, float Y)>> ViewportAsync(IPage page)
    {
        var box = (await page.GetByTestId("viewport").BoundingBoxAsync())!;
        return (fx, fy) => ((float)(box.X + (box.Width * fx)), (float)(box.Y + (box.Height * fy)));
    }

    private static async Task DrawBoxScribbleAndPointAsync(IPage page)
    {
        var at = await ViewportAsync(page);
        await page.GetByTestId("tool-box").ClickAsync();
        var (x, y) = at(0.42, 0.42);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        (x, y) = at(0.5, 0.5);
        await page.Mouse.MoveAsync(x, y, new() { Steps = 5 });
        (x, y) = at(0.56, 0.55);
        await page.Mouse.MoveAsync(x, y, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.WaitForTimeoutAsync(600);

        await page.GetByTestId("tool-scribble").ClickAsync();
        (x, y) = at(0.35, 0.6);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        foreach (var (fx, fy) in new[] { (0.38, 0.62), (0.41, 0.6), (0.44, 0.63), (0.47, 0.61) })
        {
            (x, y) = at(fx, fy);
            await page.Mouse.MoveAsync(x, y, new() { Steps = 5 });
        }
        await page.Mouse.UpAsync();
        await page.WaitForTimeoutAsync(600);

        await page.GetByTestId("tool-point").ClickAsync();
        (x, y) = at(0.48, 0.46);
        await page.Mouse.ClickAsync(x, y);
        await page.WaitForTimeoutAsync(800);
    }

    private static async Task DragAsync(IPage page, Func<double, double, (float X, float Y)> at, params (double X, double Y)[] path)
    {
        var (x, y) = at(path[0].X, path[0].Y);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        foreach (var (fx, fy) in path.Skip(1))
        {
            (x, y) = at(fx, fy);
            await page.Mouse.MoveAsync(x, y, new() { Steps = 6 });
        }
        await page.Mouse.UpAsync();
        await page.WaitForTimeoutAsync(600);
    }

    /// <summary>The demo project asks for weak labels only; a project manager also allows brush and polygon.</summary>
    private async Task AllowFullMasksOnTheDemoProjectAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var summary = await session.Query<ProjectSummary>().SingleAsync(p => p.Name == "Demo: abdominal CT (synthetic)");
        if (summary.AllowedKinds.Contains(AnnotationKind.Brush) && summary.AllowedKinds.Contains(AnnotationKind.Polygon))
        {
            return;
        }
        var (project, version) = (await ProjectQueries.LoadAsync(session, summary.Id, CancellationToken.None))!.Value;
        var draft = ProjectDraft.From(project, version);
        draft.AllowedKinds.UnionWith([AnnotationKind.Brush, AnnotationKind.Polygon]);
        var result = await scope.ServiceProvider.GetRequiredService<EditProjectHandler>().HandleAsync(new EditProject(summary.Id, draft, Guid.Empty), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }

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

    private async Task<IReadOnlyList<object>> StoredEventsAsync(Guid item, string user)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var account = await session.Query<WeakSegPortal.Web.Account.UserAccount>().SingleAsync(u => u.UserName == user);
        var events = await session.Events.FetchStreamAsync(AnnotationStreams.For(item, account.Id));
        return [.. events.Select(e => e.Data)];
    }

    [Fact]
    public async Task A_box_a_scribble_and_a_point_survive_a_reload()
    {
        var (context, page) = await OpenWorkspaceAsync("ann1");
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
        var stored = await StoredEventsAsync(item, "ann1");
        Assert.Equal(3, stored.Count);
        Assert.Single(stored.OfType<BoxDrawn>());
        Assert.Single(stored.OfType<ScribbleDrawn>());
        Assert.Single(stored.OfType<PointPlaced>());
    }

    [Fact]
    public async Task Labels_drawn_offline_are_stored_exactly_once_after_reconnecting()
    {
        var (context, page) = await OpenWorkspaceAsync("ann2");
        await using var _ = context;
        var item = Guid.Parse(await page.EvaluateAsync<string>("() => window.__weakseg.itemId"));
        await context.SetOfflineAsync(true);
        await page.WaitForFunctionAsync("() => window.__weakseg.outbox().online === false", null, new() { Timeout = 45_000 });
        await DrawBoxScribbleAndPointAsync(page);
        await page.WaitForFunctionAsync("() => window.__weakseg.outbox().pending === 3");
        await Assertions.Expect(page.GetByTestId("save-status").First).ToContainTextAsync("offline");
        Assert.Empty(await StoredEventsAsync(item, "ann2"));

        await context.SetOfflineAsync(false);
        // The page may have reloaded meanwhile (a Blazor circuit lost while offline): the outbox lives in IndexedDB and flushes after the reload.
        await page.WaitForFunctionAsync("() => window.__weakseg && window.__weakseg.outbox().text === 'saved'", null, new() { Timeout = 60_000 });
        var stored = await StoredEventsAsync(item, "ann2");
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

    private static async Task ClickAsync(IPage page, Func<double, double, (float X, float Y)> at, double fx, double fy)
    {
        var (x, y) = at(fx, fy);
        await page.Mouse.ClickAsync(x, y);
        // Cornerstone holds a click back ≈400 ms to tell it from a double-click.
        await page.WaitForTimeoutAsync(600);
    }

    [Fact]
    public async Task A_traced_and_a_clicked_polygon_a_brush_and_an_eraser_stroke_survive_a_reload_composed_and_are_stored_once()
    {
        await AllowFullMasksOnTheDemoProjectAsync();
        var (context, page) = await OpenWorkspaceAsync("ann3");
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
        var stored = await StoredEventsAsync(item, "ann3");
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
