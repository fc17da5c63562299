namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// Where an annotation's acknowledgement time goes on this node, stage by stage (README "Crowd-scale load"): in the hub
/// call as a whole (from the hub method's start to its answer), waiting in a writer's queue, and in the writer's
/// transaction (the batch read, the decisions and the commit); and how many commands each transaction carried.
/// Shown to admins in /health's "process" check.
/// </summary>
public sealed class AnnotationWriteTimings
{
    private long _transactions;
    private long _commandsStored;

    public LatencyHistogram HubCall { get; } = new();

    public LatencyHistogram Queued { get; } = new();

    public LatencyHistogram Transaction { get; } = new();

    /// <summary>The transaction's stages: read, decide, write, commit.</summary>
    public WriteStageTimings Stages { get; } = new();

    public void Stored(int commands)
    {
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _commandsStored, commands);
    }

    public IReadOnlyDictionary<string, object> Figures()
    {
        var transactions = Interlocked.Read(ref _transactions);
        return new Dictionary<string, object>
        {
            ["hubCalls"] = HubCall.Count,
            ["hubCallP50Ms"] = HubCall.PercentileMs(0.5),
            ["hubCallP99Ms"] = HubCall.PercentileMs(0.99),
            ["queuedP50Ms"] = Queued.PercentileMs(0.5),
            ["queuedP99Ms"] = Queued.PercentileMs(0.99),
            ["transactions"] = transactions,
            ["transactionP50Ms"] = Transaction.PercentileMs(0.5),
            ["transactionP99Ms"] = Transaction.PercentileMs(0.99),
            ["transactionStages"] = Stages.Describe(),
            ["commandsPerTransaction"] = transactions == 0 ? 0.0 : Math.Round(Interlocked.Read(ref _commandsStored) / (double)transactions, 1),
        };
    }
}
