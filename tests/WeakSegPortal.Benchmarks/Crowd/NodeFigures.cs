using System.Text.Json;

namespace WeakSegPortal.Benchmarks.Crowd;

/// <summary>One node's "process" and "agreement" checks from /health (as admin): what it holds and whether it runs the daemon.</summary>
internal sealed record NodeFigures(int Connections, long WorkingSet, long GcHeap, long GcCommitted, long AllocatedNow, int Threads, int PoolThreads, bool ServerGc, string Role,
    int PoolQueue, double CpuSeconds, int WriterQueue, string Acks)
{
    public static NodeFigures From(JsonElement checks)
    {
        var process = checks.GetProperty("process").GetProperty("data");
        return new NodeFigures(
            process.GetProperty("hubConnections").GetInt32(),
            process.GetProperty("workingSetBytes").GetInt64(),
            process.GetProperty("gcHeapBytes").GetInt64(),
            process.GetProperty("gcCommittedBytes").GetInt64(),
            process.GetProperty("allocatedBytesNow").GetInt64(),
            process.GetProperty("threads").GetInt32(),
            process.GetProperty("threadPoolThreads").GetInt32(),
            process.GetProperty("serverGc").GetBoolean(),
            checks.GetProperty("agreement").GetProperty("data").GetProperty("role").GetString() ?? "",
            process.GetProperty("threadPoolQueue").GetInt32(),
            process.GetProperty("cpuSeconds").GetDouble(),
            process.GetProperty("writerQueue").GetInt32(),
            $"acks: {process.GetProperty("ackHubCalls").GetInt64()} hub calls p50/p99 {process.GetProperty("ackHubCallP50Ms").GetDouble():F1}/{process.GetProperty("ackHubCallP99Ms").GetDouble():F1} ms "
                + $"(queued p50/p99 {process.GetProperty("ackQueuedP50Ms").GetDouble():F1}/{process.GetProperty("ackQueuedP99Ms").GetDouble():F1} ms, "
                + $"{process.GetProperty("ackTransactions").GetInt64()} transactions p50/p99 {process.GetProperty("ackTransactionP50Ms").GetDouble():F1}/{process.GetProperty("ackTransactionP99Ms").GetDouble():F1} ms, "
                + $"{process.GetProperty("ackCommandsPerTransaction").GetDouble():F1} commands each; stages {process.GetProperty("ackTransactionStages").GetString()})");
    }

    public string Describe() =>
        $"{Connections} connections, working set {Mb(WorkingSet)}, GC heap {Mb(GcHeap)} (committed {Mb(GcCommitted)}, allocated now {Mb(AllocatedNow)}), {Threads} threads ({PoolThreads} pool), {(ServerGc ? "server" : "workstation")} GC, daemon {Role}; thread pool queue {PoolQueue}, writer queue {WriterQueue}, CPU {CpuSeconds:F1} s; {Acks}";

    private static string Mb(long bytes) => $"{bytes / 1048576.0:F1} MB";
}
