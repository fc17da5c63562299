using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.E2E;

/// <summary>
/// The real portal (node id <see cref="WebNode"/>) with every log line kept with its scopes, and one real worker (node id
/// <see cref="WorkerNode"/>) logging JSON lines with scopes to its console, both with their suggestion dispatch and job
/// lines switched on (debug), for issue 12's item 7 checked end to end.
/// </summary>
public sealed class TracedWorkerPortal() : KestrelWorkerPortal(WorkerToken, WorkerName)
{
    public const string WorkerToken = "e2e-traced-worker-token-0123456789abcdef";
    public const string WorkerName = "e2e-traced-worker";
    public const string WebNode = "web-traced-1";
    public const string WorkerNode = "gpu-traced-1";

    public ScopedLogLines Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> PortalSettings => new Dictionary<string, string?>
    {
        ["Node:Id"] = WebNode,
        [$"Logging:LogLevel:{typeof(SuggestionDispatcher).FullName}"] = "Debug",
    };

    protected override IReadOnlyDictionary<string, string> WorkerSettings => new Dictionary<string, string>
    {
        ["Node:Id"] = WorkerNode,
        ["Logging:LogLevel:WeakSegPortal.Worker.SuggestionJobRunner"] = "Debug",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
