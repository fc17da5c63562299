namespace WeakSegPortal.ML.Evaluation;

/// <summary>
/// NoC@IoU over a set of objects: the mean number of clicks to reach the IoU, an object that never reached it
/// counting as the cap (the usual convention, so failures raise the mean), and how many failed.
/// </summary>
public sealed record NocSummary(double Threshold, int Objects, double MeanClicks, int Failed, int Cap)
{
    public static NocSummary Of(IReadOnlyCollection<ClickTrace> traces, double threshold, int cap = NocRun.ClickCap)
    {
        ArgumentNullException.ThrowIfNull(traces);
        var clicks = traces.Select(t => t.ClicksToReach(threshold) is { } k && k <= cap ? (int?)k : null).ToList();
        var failed = clicks.Count(k => k is null);
        var mean = clicks.Count == 0 ? double.NaN : clicks.Average(k => k ?? cap);
        return new NocSummary(threshold, clicks.Count, mean, failed, cap);
    }
}
