using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Hubs;

namespace WeakSegPortal.Web.Qa;

/// <summary>
/// How long this node's agreement subscription takes per page of events (the recompute of the touched items whose summary
/// does not include their events yet, and their annotators' scorecards, before Marten commits), with the last page's size
/// and how many items it recomputed. A subscription that needs longer per page
/// than the annotators need to fill one falls behind, and a node taking the daemon over starts with such a page. Shown to
/// admins in /health's "agreement" check.
/// </summary>
public sealed partial class AgreementBatchTimings(ILogger<AgreementBatchTimings> log)
{
    /// <summary>A page at least this long is logged with its trace (why its items were recomputed, each stage's time).</summary>
    public static readonly TimeSpan SlowPage = TimeSpan.FromSeconds(1);

    private LastPage _last = new(0, 0, TimeSpan.Zero);
    private AgreementRecomputeTrace? _first;
    private AgreementRecomputeTrace? _slowest;
    private AgreementRecomputeTrace? _warmup;

    /// <summary>Records the warm-up recompute of this node (<see cref="AgreementWarmup"/>).</summary>
    public void Warmed(AgreementRecomputeTrace trace) => Volatile.Write(ref _warmup, trace);

    public LatencyHistogram Recompute { get; } = new();

    /// <summary>Records one page with its trace; a slow one is logged.</summary>
    public void Handled(int events, int items, AgreementRecomputeTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var elapsed = TimeSpan.FromMilliseconds(trace.TotalMs);
        Handled(events, items, elapsed);
        Interlocked.CompareExchange(ref _first, trace, null);
        if (Volatile.Read(ref _slowest) is not { } slowest || slowest.TotalMs < trace.TotalMs)
        {
            Volatile.Write(ref _slowest, trace);
        }
        if (elapsed >= SlowPage)
        {
            LogSlowPage(log, events, trace.ToString());
        }
    }

    /// <summary>Records one page: <paramref name="events"/> events, <paramref name="items"/> items recomputed, in <paramref name="elapsed"/>.</summary>
    public void Handled(int events, int items, TimeSpan elapsed)
    {
        Recompute.Record(elapsed);
        Volatile.Write(ref _last, new LastPage(events, items, elapsed));
    }

    public IReadOnlyDictionary<string, object> Figures()
    {
        var last = Volatile.Read(ref _last);
        return new Dictionary<string, object>
        {
            ["pages"] = Recompute.Count,
            ["pageP50Ms"] = Math.Round(Recompute.PercentileMs(0.5), 1),
            ["pageP99Ms"] = Math.Round(Recompute.PercentileMs(0.99), 1),
            ["pageMaxMs"] = Math.Round(Recompute.MaxMs, 1),
            ["lastPageEvents"] = last.Events,
            ["lastPageItemsRecomputed"] = last.Items,
            ["lastPageMs"] = Math.Round(last.Elapsed.TotalMilliseconds, 1),
            ["warmup"] = Volatile.Read(ref _warmup)?.ToString() ?? "",
            ["firstPage"] = Volatile.Read(ref _first)?.ToString() ?? "",
            ["slowestPage"] = Volatile.Read(ref _slowest)?.ToString() ?? "",
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An agreement page of {Events} events took long: {Trace}")]
    private static partial void LogSlowPage(ILogger logger, int events, string trace);

    private sealed record LastPage(int Events, int Items, TimeSpan Elapsed);
}
