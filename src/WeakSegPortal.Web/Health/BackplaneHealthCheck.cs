using Microsoft.Extensions.Diagnostics.HealthChecks;
using WeakSegPortal.Hosting;
using WeakSegPortal.Web.Cluster;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Health;

/// <summary>
/// "backplane": this node's id and whether it shares with the other nodes through Redis. Degraded while Redis is
/// configured but unreachable (the node serves its own connections alone); healthy with no Redis configured (one node).
/// </summary>
internal sealed class BackplaneHealthCheck(RedisLink link, NodeIdentity node, WorkerRegistry workers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = !link.IsConfigured ? "none" : link.IsConnected ? "connected" : "degraded";
        var data = new Dictionary<string, object>
        {
            ["node"] = node.Id,
            ["backplane"] = state,
            ["redis"] = link.Endpoint,
            ["workersHere"] = workers.All.Count(w => w.Node is null),
            ["workersElsewhere"] = workers.All.Count(w => w.Node is not null),
        };
        return Task.FromResult(state switch
        {
            "none" => HealthCheckResult.Healthy("No Redis configured: this node runs alone.", data),
            "connected" => HealthCheckResult.Healthy($"Connected to Redis at {link.Endpoint}: pushes, workers, presence and QA updates reach every node.", data),
            _ => HealthCheckResult.Degraded($"Redis at {link.Endpoint} is unreachable: this node serves its own connections alone until it is back.", data: data),
        });
    }
}
