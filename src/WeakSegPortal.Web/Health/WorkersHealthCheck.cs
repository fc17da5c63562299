using Microsoft.Extensions.Diagnostics.HealthChecks;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Health;

/// <summary>
/// "workers": the suggestion workers connected to this node, with their engines, GPU and execution provider (an
/// admin sees them in /health). Always healthy: with no worker the classical engines answer in-process.
/// </summary>
public sealed class WorkersHealthCheck(WorkerRegistry workers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connected = workers.All;
        var data = new Dictionary<string, object>
        {
            ["workers"] = connected.Select(w => new
            {
                name = w.Name,
                workerId = w.Announcement.WorkerId,
                engines = w.Announcement.Engines.Select(e => $"{e.Name} {e.Version}").ToArray(),
                gpu = w.Announcement.Gpu,
                provider = w.Announcement.Provider,
                maxConcurrency = w.Announcement.MaxConcurrency,
                inFlight = w.InFlight,
            }).ToArray(),
        };
        var description = connected.Count == 0
            ? "No worker connected: the classical engines answer in the web app."
            : $"{connected.Count} worker(s) connected.";
        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }
}
