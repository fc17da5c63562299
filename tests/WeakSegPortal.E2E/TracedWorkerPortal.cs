using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.E2E;

/// <summary>
/// The real portal (Kestrel, demo data, node id <see cref="WebNode"/>) with every log line kept with its scopes, and one
/// real <see cref="WorkerProcess"/> (node id <see cref="WorkerNode"/>) logging JSON lines with scopes to its console, both
/// with their suggestion dispatch and job lines switched on (debug), for issue 12's item 7 checked end to end.
/// </summary>
public sealed class TracedWorkerPortal : PortalFactory
{
    public const string WorkerToken = "e2e-traced-worker-token-0123456789abcdef";
    public const string WorkerName = "e2e-traced-worker";
    public const string WebNode = "web-traced-1";
    public const string WorkerNode = "gpu-traced-1";

    public TracedWorkerPortal()
    {
        SeedDemo = true;
        UseKestrel(0);
    }

    public Uri BaseAddress { get; private set; } = default!;

    public WorkerProcess Worker { get; private set; } = default!;

    public ScopedLogLines Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workers:Tokens:0"] = WorkerToken,
            ["Node:Id"] = WebNode,
            [$"Logging:LogLevel:{typeof(SuggestionDispatcher).FullName}"] = "Debug",
        }));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        Worker = WorkerProcess.Start(BaseAddress, WorkerToken, WorkerName, new Dictionary<string, string>
        {
            ["Node:Id"] = WorkerNode,
            ["Logging:LogLevel:WeakSegPortal.Worker.SuggestionJobRunner"] = "Debug",
        });
        var workers = Services.GetRequiredService<WorkerRegistry>();
        await Worker.WaitUntilAsync(() => workers.All.Any(w => w.Name == WorkerName));
    }

    protected override async Task DisposeEverythingAsync()
    {
        if (Worker is not null)
        {
            await Worker.DisposeAsync();
        }
        await base.DisposeEverythingAsync();
    }
}
