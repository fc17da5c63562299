using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.E2E;

/// <summary>
/// The portal on a real Kestrel socket with its demo data, and Debian's chromium driven by Playwright.
/// No browser is downloaded: Playwright launches the system chromium. Fixtures that need more of the
/// portal (a worker beside it, say) derive from it and add configuration through <see cref="Settings"/>.
/// </summary>
public class BrowserPortal : PortalFactory
{
    private IPlaywright? _playwright;

    public BrowserPortal()
    {
        SeedDemo = true;
        UseKestrel(0);
    }

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>Configuration added to the portal's (set before it starts).</summary>
    protected Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(Settings));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        _playwright = await Playwright.CreateAsync();
        // Playwright's assertions wait 5 s by default: too short for a Blazor round trip on a loaded CI machine
        // (a QA desk assertion once ran out at load 60). Waiting longer costs nothing when the page is on time.
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("WEAKSEG_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    protected override async Task DisposeEverythingAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeEverythingAsync();
    }
}
