namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>The shape of a fault run: how many annotators, how many rounds of the three faults, how far apart.</summary>
public sealed record FaultRunOptions
{
    public int Annotators { get; init; } = 20;

    /// <summary>Each round: the portal killed and restarted, PostgreSQL restarted, every connection cut.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Quiet time before each fault (after the previous one has recovered).</summary>
    public TimeSpan Gap { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Mean time an annotator takes to draw the next label.</summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Between two single connections cut in the middle of a call, all run long (zero: none).</summary>
    public TimeSpan MidCallCutEvery { get; init; } = TimeSpan.FromMilliseconds(500);

    public OutboxTiming Timing { get; init; } = OutboxTiming.Browser;

    /// <summary>postgres -c settings of the private cluster (synchronous_commit stays on: an ack must survive the restart).</summary>
    public IReadOnlyList<string> PostgresSettings { get; init; } = [];

    /// <summary>How long the outboxes may take to empty once drawing stops.</summary>
    public TimeSpan DrainLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one fault may take to recover from before the run goes on regardless.</summary>
    public TimeSpan RecoveryLimit { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Agreement:Daemon of the portal: Solo, as a one-node deployment runs it.</summary>
    public string AgreementDaemon { get; init; } = "Solo";

    public Action<string> Log { get; init; } = _ => { };
}
