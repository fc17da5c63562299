using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Seeding;

namespace WeakSegPortal.E2E;

/// <summary>What an annotator does in the workspace, step by step, shared by the browser tests.</summary>
public static class WorkspaceSteps
{
    public const string DemoProject = "Demo: abdominal CT (synthetic)";

    public static (string User, string Password) Demo(string user) =>
        DemoAccounts.All.Where(a => a.UserName == user).Select(a => (a.UserName, a.Password)).Single();

    public static async Task<(IBrowserContext Context, IPage Page)> OpenWorkspaceAsync(BrowserPortal portal, string user, string project = DemoProject)
    {
        var context = await portal.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var (name, password) = Demo(user);
        await page.SignInAsync(portal.BaseAddress, name, password);
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Start annotating {project}" }).ClickAsync();
        await WaitForWorkspaceAsync(page);
        return (context, page);
    }

    public static async Task WaitForWorkspaceAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__weakseg && window.__weakseg.itemId", null, new() { Timeout = 60_000 });
        await page.EvaluateAsync("() => window.__weakseg.ready");
    }

    public static async Task<Guid> ItemIdAsync(IPage page) => Guid.Parse(await page.EvaluateAsync<string>("() => window.__weakseg.itemId"));

    public static Task WaitForSavedAsync(IPage page, int timeoutMs = 30_000) =>
        page.WaitForFunctionAsync("() => window.__weakseg.outbox().text === 'saved'", null, new() { Timeout = timeoutMs });

    public static async Task<Func<double, double, (float X, float Y)>> ViewportAsync(IPage page)
    {
        var box = (await page.GetByTestId("viewport").BoundingBoxAsync())!;
        return (fx, fy) => ((float)(box.X + (box.Width * fx)), (float)(box.Y + (box.Height * fy)));
    }

    public static async Task DrawBoxScribbleAndPointAsync(IPage page)
    {
        var at = await ViewportAsync(page);
        await page.GetByTestId("tool-box").ClickAsync();
        await DragAsync(page, at, (0.42, 0.42), (0.5, 0.5), (0.56, 0.55));
        await page.GetByTestId("tool-scribble").ClickAsync();
        await DragAsync(page, at, (0.35, 0.6), (0.38, 0.62), (0.41, 0.6), (0.44, 0.63), (0.47, 0.61));
        await page.GetByTestId("tool-point").ClickAsync();
        await ClickAsync(page, at, 0.48, 0.46);
    }

    public static async Task DragAsync(IPage page, Func<double, double, (float X, float Y)> at, params (double X, double Y)[] path)
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

    public static async Task ClickAsync(IPage page, Func<double, double, (float X, float Y)> at, double fx, double fy)
    {
        var (x, y) = at(fx, fy);
        await page.Mouse.ClickAsync(x, y);
        // Cornerstone holds a click back ≈400 ms to tell it from a double-click.
        await page.WaitForTimeoutAsync(600);
    }

    /// <summary>The demo project asks for weak labels only; a project manager also allows brush and polygon.</summary>
    public static async Task AllowFullMasksOnTheDemoProjectAsync(BrowserPortal portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var summary = await session.Query<ProjectSummary>().SingleAsync(p => p.Name == DemoProject);
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

    /// <summary>Suggestions become mask labels: a project manager allows masks on the demo project.</summary>
    public static async Task AllowMasksOnTheDemoProjectAsync(BrowserPortal portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var summary = await session.Query<ProjectSummary>().SingleAsync(p => p.Name == DemoProject);
        if (summary.AllowedKinds.Contains(AnnotationKind.Mask))
        {
            return;
        }
        var (project, version) = (await ProjectQueries.LoadAsync(session, summary.Id, CancellationToken.None))!.Value;
        var draft = ProjectDraft.From(project, version);
        draft.AllowedKinds.Add(AnnotationKind.Mask);
        var result = await scope.ServiceProvider.GetRequiredService<EditProjectHandler>().HandleAsync(new EditProject(summary.Id, draft, Guid.Empty), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }

    public static async Task<Guid> UserIdAsync(BrowserPortal portal, string user)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        return (await session.Query<WeakSegPortal.Web.Account.UserAccount>().SingleAsync(u => u.UserName == user)).Id;
    }

    /// <summary>The events of one annotator's label stream on an item, as stored.</summary>
    public static async Task<IReadOnlyList<object>> StoredEventsAsync(BrowserPortal portal, Guid item, string user) =>
        await WeakSegPortal.Web.Tests.Infrastructure.TestData.AnnotationStreamAsync(portal.Services, item, await UserIdAsync(portal, user));
}
