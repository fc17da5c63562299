namespace WeakSegPortal.E2E.Cluster;

/// <summary>
/// One fault of the node-lost run and how long each part took to recover, from the moment it was injected: every
/// simulated annotator's first accepted ack of a call made after it (and how many had to reconnect), the browser's next
/// label saved, the worker connected to a live node, agreement handling events past those handled when it was injected
/// (the daemon kill: another node took the daemon over and goes on) and past the newest event at that moment (agreement
/// current again: summaries include labels made after the kill; reported, not part of <see cref="Recovered"/>), every
/// node's backplane connected (the Redis restart). Null: not measured for this fault; <see cref="TimeSpan.MaxValue"/>: never.
/// </summary>
public sealed record ClusterFault(
    string Kind,
    TimeSpan Injected,
    int Reconnected,
    TimeSpan FirstAccepted,
    TimeSpan AllAnnotatorsBack,
    TimeSpan? BrowserSaved,
    TimeSpan? WorkerBack,
    TimeSpan? AgreementResumed,
    TimeSpan? BackplaneBack,
    TimeSpan? AgreementCurrent = null)
{
    /// <summary>The slowest of the measured parts: when everything worked again.</summary>
    public TimeSpan Recovered => new[] { AllAnnotatorsBack, BrowserSaved, WorkerBack, AgreementResumed, BackplaneBack }
        .Where(t => t is not null).Max(t => t!.Value);
}
