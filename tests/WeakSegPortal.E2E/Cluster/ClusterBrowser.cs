using System.Diagnostics;
using Microsoft.Playwright;

namespace WeakSegPortal.E2E.Cluster;

/// <summary>
/// The one real browser of the node-lost run: Debian's chromium through Playwright, signed in as a demo annotator
/// through the load balancer, labelling in the workspace (boxes, each its own label through the IndexedDB outbox and the
/// annotation hub). It can be put on a chosen node by the balancer's affinity cookie (weakseg_lb), as a browser that had
/// been sent there before would be.
/// </summary>
public sealed class ClusterBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private int _drawn;

    private ClusterBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Labels drawn and seen saved (the outbox empty).</summary>
    public int Saved { get; private set; }

    public List<string> Errors { get; } = [];

    /// <summary>Opens the workspace of the demo project as <paramref name="user"/> through <paramref name="balancer"/>, pinned to node <paramref name="node"/> (n0, n1, …).</summary>
    public static async Task<ClusterBrowser> OpenAsync(Uri balancer, string node, string user)
    {
        ArgumentNullException.ThrowIfNull(balancer);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("WEAKSEG_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        await context.AddCookiesAsync([new Cookie { Name = "weakseg_lb", Value = node, Url = balancer.ToString() }]);
        var page = await context.NewPageAsync();
        var opened = new ClusterBrowser(playwright, browser, context, page);
        page.PageError += (_, e) => opened.Errors.Add(e);
        var (name, password) = WorkspaceSteps.Demo(user);
        await page.SignInAsync(balancer, name, password);
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Start annotating {WorkspaceSteps.DemoProject}" }).ClickAsync();
        await WorkspaceSteps.WaitForWorkspaceAsync(page);
        return opened;
    }

    public Task<Guid> ItemAsync() => WorkspaceSteps.ItemIdAsync(Page);

    /// <summary>The node the balancer's cookie names now (it follows the node that last answered).</summary>
    public async Task<string?> NodeAsync() => (await _context.CookiesAsync()).FirstOrDefault(c => c.Name == "weakseg_lb")?.Value;

    /// <summary>Draws one more box (each at its own place) and waits until the outbox says saved; returns how long that took.</summary>
    public async Task<TimeSpan> DrawAndSaveAsync(TimeSpan limit)
    {
        var n = _drawn++;
        var clock = Stopwatch.StartNew();
        await Page.GetByTestId("tool-box").ClickAsync();
        var at = await WorkspaceSteps.ViewportAsync(Page);
        var (x, y) = (0.36 + (0.055 * (n % 5)), 0.36 + (0.055 * (n / 5 % 5)));
        await WorkspaceSteps.DragAsync(Page, at, (x, y), (x + 0.02, y + 0.02), (x + 0.04, y + 0.035));
        await WorkspaceSteps.WaitForSavedAsync(Page, (int)limit.TotalMilliseconds);
        Saved++;
        return clock.Elapsed;
    }

    /// <summary>Reloads the workspace (as the banner asks once the page's circuit is gone) and waits until it is ready again with every saved label.</summary>
    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await WorkspaceSteps.WaitForWorkspaceAsync(Page);
        await Page.WaitForFunctionAsync($"() => window.__weakseg.annotations().length === {Saved}", null, new() { Timeout = 30_000 });
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
