using WeakSegPortal.Web.Hubs;

namespace WeakSegPortal.Web.Qa;

/// <summary>
/// How long this node's agreement subscription takes per page of events (the recompute of the touched items whose summary
/// does not include their events yet, and their annotators' scorecards, before Marten commits), with the last page's size
/// and how many items it recomputed. A subscription that needs longer per page
/// than the annotators need to fill one falls behind, and a node taking the daemon over starts with such a page. Shown to
/// admins in /health's "agreement" check.
/// </summary>
public sealed class AgreementBatchTimings
{
    private LastPage _last = new(0, 0, TimeSpan.Zero);

    public LatencyHistogram Recompute { get; } = new();

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
        };
    }

    private sealed record LastPage(int Events, int Items, TimeSpan Elapsed);
}
