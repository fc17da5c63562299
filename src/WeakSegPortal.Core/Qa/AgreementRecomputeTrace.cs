using System.Diagnostics;
using System.Globalization;

namespace WeakSegPortal.Core.Qa;

/// <summary>
/// Where one page of the agreement subscription went (issue 12: a node taking the daemon over spent 21.9 s on its first
/// page): why its items were recomputed (no summary yet, or a summary made before their newest event in the page), how
/// many labels and scorecards that took, and the time of each stage. Shown in /health and logged for a slow page.
/// </summary>
public sealed class AgreementRecomputeTrace
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _mark = Stopwatch.GetTimestamp();

    /// <summary>Items the page touched.</summary>
    public int Touched { get; set; }
    /// <summary>Touched items with no stored summary.</summary>
    public int WithoutSummary { get; set; }
    /// <summary>Touched items whose stored summary was made before their newest event in the page.</summary>
    public int SummaryBehind { get; set; }
    /// <summary>The lowest <see cref="ItemAgreementSummary.EventsThrough"/> among the summaries behind (0: none).</summary>
    public long OldestThrough { get; set; }
    /// <summary>Items an earlier page left in the backlog (<see cref="AgreementBacklog"/>), counted in <see cref="Touched"/>.</summary>
    public int Carried { get; set; }
    /// <summary>Items behind that this page left in the backlog for a later one.</summary>
    public int CarriedOn { get; set; }
    /// <summary>The page's newest event.</summary>
    public long PageThrough { get; set; }
    /// <summary>The committed-events mark this recompute read (its summaries' <see cref="ItemAgreementSummary.EventsThrough"/>).</summary>
    public long Through { get; set; }
    public int Items { get; set; }
    public int Labels { get; set; }
    public int Scorecards { get; set; }
    /// <summary>Labels read again for the scorecards (the annotators' other items).</summary>
    public int ScorecardLabels { get; set; }
    /// <summary>The item whose summary took longest: its name, annotators, labels and time.</summary>
    public (string Name, int Annotators, int Labels, double Ms) SlowestItem { get; private set; }
    /// <summary>The scorecard that took longest to rebuild: its items, labels and time.</summary>
    public (int Items, int Labels, double Ms) SlowestScorecard { get; private set; }
    public double CheckMs { get; private set; }
    public double LoadMs { get; private set; }
    public double SummarizeMs { get; private set; }
    public double RepeatsMs { get; private set; }
    public double ScorecardsMs { get; private set; }

    private double? _total;

    /// <summary>From the trace's start until <see cref="Finished"/> (until now before that).</summary>
    public double TotalMs => _total ?? Stopwatch.GetElapsedTime(_started).TotalMilliseconds;

    /// <summary>Stops the clock of <see cref="TotalMs"/>.</summary>
    public void Finished() => _total ??= Stopwatch.GetElapsedTime(_started).TotalMilliseconds;

    public void Checked() => CheckMs = Lap();

    public void ItemSummarized(string name, int annotators, int labels, TimeSpan took)
    {
        if (took.TotalMilliseconds > SlowestItem.Ms)
        {
            SlowestItem = (name, annotators, labels, took.TotalMilliseconds);
        }
    }

    public void ScorecardBuilt(int items, int labels, TimeSpan took)
    {
        if (took.TotalMilliseconds > SlowestScorecard.Ms)
        {
            SlowestScorecard = (items, labels, took.TotalMilliseconds);
        }
    }

    public void Loaded() => LoadMs = Lap();

    public void Summarized() => SummarizeMs = Lap();

    public void RepeatsScored() => RepeatsMs = Lap();

    public void ScorecardsBuilt() => ScorecardsMs = Lap();

    private double Lap()
    {
        var now = Stopwatch.GetTimestamp();
        var ms = Stopwatch.GetElapsedTime(_mark, now).TotalMilliseconds;
        _mark = now;
        return ms;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"touched {Touched} (no summary {WithoutSummary}, summary behind {SummaryBehind}, oldest through {OldestThrough}, page through {PageThrough}; carried in {Carried}, carried on {CarriedOn}), " +
        $"recomputed {Items} items from {Labels} labels, {Scorecards} scorecards (+{ScorecardLabels} labels) through {Through}; " +
        $"slowest item \"{SlowestItem.Name}\" ({SlowestItem.Annotators} annotators, {SlowestItem.Labels} labels) {SlowestItem.Ms:F0} ms, " +
        $"slowest scorecard ({SlowestScorecard.Items} items, {SlowestScorecard.Labels} labels) {SlowestScorecard.Ms:F0} ms; " +
        $"check {CheckMs:F0} ms, load {LoadMs:F0} ms, summarize {SummarizeMs:F0} ms, repeats {RepeatsMs:F0} ms, scorecards {ScorecardsMs:F0} ms, total {TotalMs:F0} ms");
}
