using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WeakSegPortal.Web.Hubs;

namespace WeakSegPortal.Web.Health;

/// <summary>
/// "process": what this node holds, for capacity planning (memory per connection: README, "Crowd-scale load"): its open hub
/// connections, working set, the managed heap after the last collection, what the GC has committed, and the thread pool;
/// and where annotation acks spend their time (<see cref="AnnotationWriteTimings"/>, "ack…" keys) with the CPU time used.
/// Always healthy; read-only figures, no collection forced.
/// </summary>
internal sealed class ProcessHealthCheck(ConnectedSessions connections, AnnotationWriters writers, AnnotationWriteTimings timings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        var data = new Dictionary<string, object>
        {
            ["hubConnections"] = connections.Count,
            ["workingSetBytes"] = process.WorkingSet64,
            ["gcHeapBytes"] = gc.HeapSizeBytes,
            ["gcCommittedBytes"] = gc.TotalCommittedBytes,
            ["gcFragmentedBytes"] = gc.FragmentedBytes,
            ["allocatedBytesNow"] = GC.GetTotalMemory(forceFullCollection: false),
            ["serverGc"] = System.Runtime.GCSettings.IsServerGC,
            ["threads"] = process.Threads.Count,
            ["threadPoolThreads"] = ThreadPool.ThreadCount,
            ["threadPoolQueue"] = ThreadPool.PendingWorkItemCount,
            ["cpuSeconds"] = Math.Round(process.TotalProcessorTime.TotalSeconds, 2),
            ["writerQueue"] = writers.Waiting,
        };
        foreach (var (key, value) in timings.Figures())
        {
            data["ack" + char.ToUpperInvariant(key[0]) + key[1..]] = value;
        }
        return Task.FromResult(HealthCheckResult.Healthy($"{connections.Count} hub connections.", data));
    }
}
