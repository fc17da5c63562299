using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Training.Learning;

/// <summary>How far each annotator can be trusted (0–1), for <see cref="CrowdLabels"/>' weighted vote: sensitivity × specificity.</summary>
/// <remarks>
/// Both rules score the three-state maps of each non-background class (<see cref="WeakLabelRasterizer"/>: a scribble or click
/// is Positive for its class and Negative for the others, outside a box and an absent tag are Negative, blank is Unknown and
/// takes no part), pooled over every item and class an annotator labelled:
/// <list type="bullet">
/// <item><see cref="FromGold"/>: against known full masks (gold items; the portal's "gold accuracy where known").</item>
/// <item><see cref="FromStaple"/>: with no truth, binary STAPLE per class over all items at once (<see cref="StapleConsensus"/>,
/// Unknown missing); its posterior W stands for the truth, so a Positive counts W true positive and 1 − W false positive, a
/// Negative W false negative and 1 − W true negative.</item>
/// </list>
/// A factor with nothing to measure it (no labelled voxel of that truth) counts as 1; an annotator with no evidence at all gets 1,
/// as the portal does when nothing is known.
/// </remarks>
public static class CrowdReliability
{
    /// <param name="items">Per item: its grid, its annotators' labels, and its truth (class id per voxel).</param>
    public static IReadOnlyDictionary<Guid, double> FromGold(IReadOnlyList<(Grid Grid, IReadOnlyList<AnnotatorWeakLabels> Annotators, byte[] Truth)> items, int classes)
    {
        ArgumentNullException.ThrowIfNull(items);
        var counts = new Dictionary<Guid, (long Tp, long Fp, long Tn, long Fn)>();
        foreach (var (grid, annotators, truth) in items)
        {
            grid.EnsureMatches(truth.Length);
            for (var c = 1; c < classes; c++)
            {
                var gold = truth.Select(t => t == c).ToArray();
                foreach (var annotator in annotators)
                {
                    var states = WeakLabelRasterizer.Rasterize(annotator.Labels, c, grid);
                    var (tp, fp, tn, fn) = counts.GetValueOrDefault(annotator.AnnotatorId);
                    for (var v = 0; v < states.Length; v++)
                    {
                        switch ((LabelState)states[v])
                        {
                            case LabelState.Positive when gold[v]: tp++; break;
                            case LabelState.Positive: fp++; break;
                            case LabelState.Negative when gold[v]: fn++; break;
                            case LabelState.Negative: tn++; break;
                        }
                    }
                    counts[annotator.AnnotatorId] = (tp, fp, tn, fn);
                }
            }
        }
        return counts.ToDictionary(k => k.Key, k => Ratio(k.Value.Tp, k.Value.Tp + k.Value.Fn) * Ratio(k.Value.Tn, k.Value.Tn + k.Value.Fp));
    }

    /// <param name="items">Per item: its grid and its annotators' labels (an annotator absent from an item is missing there).</param>
    public static IReadOnlyDictionary<Guid, double> FromStaple(IReadOnlyList<(Grid Grid, IReadOnlyList<AnnotatorWeakLabels> Annotators)> items, int classes)
    {
        ArgumentNullException.ThrowIfNull(items);
        var raters = items.SelectMany(i => i.Annotators.Select(a => a.AnnotatorId)).Distinct().ToList();
        var total = items.Sum(i => i.Grid.Count);
        var counts = new (double Tp, double Fp, double Tn, double Fn)[raters.Count];
        for (var c = 1; c < classes && raters.Count > 1; c++)
        {
            var states = raters.Select(_ => new byte[total]).ToList();
            var offset = 0;
            foreach (var (grid, annotators) in items)
            {
                foreach (var annotator in annotators)
                {
                    var map = WeakLabelRasterizer.Rasterize(annotator.Labels, c, grid);
                    Array.Copy(map, 0, states[raters.IndexOf(annotator.AnnotatorId)], offset, map.Length);
                }
                offset += grid.Count;
            }
            var posterior = StapleConsensus.Estimate(states).Posterior;
            for (var r = 0; r < raters.Count; r++)
            {
                var (tp, fp, tn, fn) = counts[r];
                var map = states[r];
                for (var v = 0; v < map.Length; v++)
                {
                    double w = posterior[v];
                    switch ((LabelState)map[v])
                    {
                        case LabelState.Positive: (tp, fp) = (tp + w, fp + 1 - w); break;
                        case LabelState.Negative: (fn, tn) = (fn + w, tn + 1 - w); break;
                    }
                }
                counts[r] = (tp, fp, tn, fn);
            }
        }
        return raters.Select((id, r) => (id, r)).ToDictionary(x => x.id,
            x => Ratio(counts[x.r].Tp, counts[x.r].Tp + counts[x.r].Fn) * Ratio(counts[x.r].Tn, counts[x.r].Tn + counts[x.r].Fp));
    }

    /// <summary>The annotators with their reliability replaced by the estimate (kept where the estimate has none).</summary>
    public static IReadOnlyList<AnnotatorWeakLabels> Apply(IReadOnlyList<AnnotatorWeakLabels> annotators, IReadOnlyDictionary<Guid, double> reliability)
    {
        ArgumentNullException.ThrowIfNull(annotators);
        ArgumentNullException.ThrowIfNull(reliability);
        return annotators.Select(a => reliability.TryGetValue(a.AnnotatorId, out var r) ? a with { Reliability = r } : a).ToList();
    }

    private static double Ratio(double part, double whole) => whole <= 1e-9 ? 1 : part / whole;
}
