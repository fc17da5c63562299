using WeakSegPortal.Web.Tests.Faults;

namespace WeakSegPortal.E2E.Cluster;

/// <summary>The shape of a node-lost run: how many simulated annotators, how fast they draw, whether a real browser labels too.</summary>
public sealed record NodeLostOptions
{
    public int Annotators { get; init; } = 20;

    /// <summary>Mean time an annotator takes to draw the next label.</summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Quiet time before each fault (after the previous one has recovered).</summary>
    public TimeSpan Gap { get; init; } = TimeSpan.FromSeconds(2);

    public OutboxTiming Timing { get; init; } = OutboxTiming.Browser;

    /// <summary>Whether the real browser (Debian's chromium) labels beside the simulated annotators.</summary>
    public bool Browser { get; init; } = true;

    /// <summary>
    /// Both kills, one after the other: the browser's node (cold), started again, then the daemon's node (started again).
    /// Without: one kill, of the node that runs the daemon and has the browser (both bullets of the issue in one fault).
    /// </summary>
    public bool KillBothNodes { get; init; } = true;

    /// <summary>How long Redis stays down before it is started again.</summary>
    public TimeSpan RedisDown { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one fault may take to recover from before the run goes on regardless (then reported as not recovered).</summary>
    public TimeSpan RecoveryLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the outboxes may take to empty once drawing stops.</summary>
    public TimeSpan DrainLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>postgres -c settings of the private cluster.</summary>
    public IReadOnlyList<string> PostgresSettings { get; init; } = [];

    public Action<string> Log { get; init; } = _ => { };
}
