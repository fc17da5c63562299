using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Learning;

/// <summary>Training targets of one slice from several annotators' weak labels, each weighted by their reliability.</summary>
/// <remarks>
/// Adjudicated labels win outright. Otherwise each annotator votes with the log-odds of their reliability r,
/// ln(r / (1 − r)) with r clamped to [0.5, 0.999] (<see cref="VoteWeight"/>): the weights under which a weighted majority of
/// independent voters is most often right (Nitzan &amp; Paroush 1982). An annotator no better than chance has no vote, and when
/// nothing is known (every r = 1) all weigh the same:
/// <list type="bullet">
/// <item>Pixels: each annotator's scribbles, then positive clicks, then full-mask paint give at most one class per pixel (as in
/// <see cref="WeakTargets"/>). A pixel is known as class c where c's weight is at least <see cref="Quorum"/> of the weight
/// that labelled the pixel (those who left it blank abstain) and at least <see cref="MinimumSupport"/> of the item's most
/// reliable annotator's weight (a pixel only a much less trusted annotator labelled is unknown); else it is ignored.</item>
/// <item>Boxes of a class on the slice: grouped by overlap (IoU ≥ <see cref="BoxOverlap"/> with a group's first, most
/// reliable box); a group is kept under the same two rules, with the weight of everyone who boxed the class on the slice as
/// the whole; its box is the weighted median of each edge. Boxes drawn on a coronal or sagittal plane that cross the slice
/// vote likewise with the boxes on their own plane and slice, and the kept one gives the slice its <see cref="TrainingLine"/>.</item>
/// <item>Tags: present against absent by weight, the same two rules.</item>
/// </list>
/// A class that no annotator of at least <see cref="MinimumSupport"/> of the top weight mentioned on the item is unknown
/// (marginalised), never background. With every reliability equal this is a plain majority with a quorum.
/// </remarks>
public static class CrowdLabels
{
    /// <summary>Share of the weight that labelled a pixel (boxed a class, tagged it) that the winner must hold.</summary>
    public const double Quorum = 0.6;

    /// <summary>Share of the most reliable annotator's weight that the winner must hold.</summary>
    public const double MinimumSupport = 0.5;

    /// <summary>Boxes of one class overlapping at least this much (IoU) are votes for one object.</summary>
    public const double BoxOverlap = 0.3;

    /// <summary>An annotator's vote: ln(r / (1 − r)) with the reliability r clamped to [0.5, 0.999]; 0 when r is not a number.</summary>
    public static double VoteWeight(double reliability)
    {
        if (double.IsNaN(reliability))
        {
            return 0;
        }
        var r = Math.Clamp(reliability, 0.5, 0.999);
        return Math.Log(r / (1 - r));
    }

    /// <summary>The training example of one slice of a dataset item (adjudicated labels win, else the weighted vote).</summary>
    public static TrainingExample ForSlice(float[] input, int channels, Grid grid, int slice, TrainingItem item, int classes,
        IReadOnlyDictionary<int, (double Min, double Max)>? sizePrior = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        return ForSlice(input, channels, grid, slice, item.Adjudicated, item.Annotators, classes, sizePrior);
    }

    /// <param name="input">The slice's channels (see <see cref="Network.SliceStackInput"/>), channels × height × width.</param>
    /// <param name="grid">The item's grid.</param>
    /// <param name="adjudicated">The QA lead's labels; when given, the annotators are not consulted.</param>
    /// <param name="annotators">Each annotator's labels with their reliability (class ids below <paramref name="classes"/>).</param>
    public static TrainingExample ForSlice(float[] input, int channels, Grid grid, int slice, WeakLabels? adjudicated,
        IReadOnlyList<AnnotatorWeakLabels> annotators, int classes, IReadOnlyDictionary<int, (double Min, double Max)>? sizePrior = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(annotators);
        if (adjudicated is not null || annotators.Count == 0)
        {
            return WeakTargets.ForSlice(input, channels, grid, slice, adjudicated ?? WeakLabels.Empty, classes, sizePrior);
        }
        var weights = annotators.Select(a => VoteWeight(a.Reliability)).ToArray();
        var support = MinimumSupport * weights.Max();
        var target = PixelVote(annotators, weights, support, grid, slice, classes);
        var (boxes, lines) = BoxVote(annotators, weights, support, grid, slice, classes);
        var tags = TagVote(annotators, weights, support, slice, classes);
        var labelled = new bool[classes];
        labelled[0] = true;
        for (var a = 0; a < annotators.Count; a++)
        {
            if (weights[a] > 0 && weights[a] >= support)
            {
                var mine = WeakTargets.LabelledClasses(annotators[a].Labels, classes);
                for (var c = 1; c < classes; c++)
                {
                    labelled[c] |= mine[c];
                }
            }
        }
        return new TrainingExample(input, channels, grid.Nx, grid.Ny, target, labelled, boxes, tags, WeakTargets.SizeBounds(tags, sizePrior), lines);
    }

    private static long[] PixelVote(IReadOnlyList<AnnotatorWeakLabels> annotators, double[] weights, double support, Grid grid, int slice, int classes)
    {
        var size = grid.SliceSize;
        var votes = new double[size * classes];
        var cast = new double[size];
        for (var a = 0; a < annotators.Count; a++)
        {
            var map = WeakTargets.PixelClasses(grid, slice, annotators[a].Labels, classes);
            for (var v = 0; v < size; v++)
            {
                if (map[v] >= 0)
                {
                    votes[v * classes + map[v]] += weights[a];
                    cast[v] += weights[a];
                }
            }
        }
        var target = new long[size];
        for (var v = 0; v < size; v++)
        {
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                best = votes[v * classes + c] > votes[v * classes + best] ? c : best;
            }
            target[v] = Wins(votes[v * classes + best], cast[v], support) ? best : PartialCrossEntropy.Ignore;
        }
        return target;
    }

    private static (List<TrainingBox> Boxes, List<TrainingLine> Lines) BoxVote(IReadOnlyList<AnnotatorWeakLabels> annotators, double[] weights, double support, Grid grid, int slice, int classes)
    {
        var kept = new List<TrainingBox>();
        var lines = new List<TrainingLine>();
        for (var c = 1; c < classes; c++)
        {
            var drawn = annotators
                .SelectMany((a, n) => a.Labels.Boxes.Where(b => b.ClassId == c && BoxVoxels.AxialTrace(b, slice) is not null).Select(b => (Box: b, Rater: n, Weight: weights[n])))
                .OrderByDescending(d => d.Weight).ThenBy(d => d.Rater)
                .ToList();
            var whole = drawn.Select(d => d.Rater).Distinct().Sum(n => weights[n]);
            var groups = new List<List<(Box2D Box, int Rater, double Weight)>>();
            foreach (var box in drawn)
            {
                var group = groups.FirstOrDefault(g => IoU(g[0].Box, box.Box) >= BoxOverlap);
                if (group is null)
                {
                    groups.Add([box]);
                }
                else
                {
                    group.Add(box);
                }
            }
            foreach (var group in groups)
            {
                if (!Wins(group.Select(d => d.Rater).Distinct().Sum(n => weights[n]), whole, support))
                {
                    continue;
                }
                var median = new Box2D(
                    WeightedMedian(group.Select(d => (d.Box.MinX, d.Weight))), WeightedMedian(group.Select(d => (d.Box.MinY, d.Weight))),
                    WeightedMedian(group.Select(d => (d.Box.MaxX, d.Weight))), WeightedMedian(group.Select(d => (d.Box.MaxY, d.Weight))),
                    group[0].Box.Slice, c, group[0].Box.Plane);
                if (median.IsAxial && TrainingBox.FromDrawn(median, 0, grid.Nx, grid.Ny) is { } box)
                {
                    kept.Add(box);
                }
                else if (TrainingLine.FromDrawn(median, slice, 0, grid.Nx, grid.Ny) is { } line)
                {
                    lines.Add(line);
                }
            }
        }
        return (kept, lines);
    }

    private static float[] TagVote(IReadOnlyList<AnnotatorWeakLabels> annotators, double[] weights, double support, int slice, int classes)
    {
        var tags = new float[classes - 1];
        for (var c = 1; c < classes; c++)
        {
            double present = 0, absent = 0;
            for (var a = 0; a < annotators.Count; a++)
            {
                var said = WeakTargets.TagValues(annotators[a].Labels, slice, classes)[c - 1];
                present += said == 1 ? weights[a] : 0;
                absent += said == 0 ? weights[a] : 0;
            }
            tags[c - 1] = Wins(present, present + absent, support) && present > absent ? 1
                : Wins(absent, present + absent, support) && absent > present ? 0
                : TagClassificationLoss.Unknown;
        }
        return tags;
    }

    /// <summary>Whether a winner's weight holds the quorum of the weight cast and the minimum support.</summary>
    private static bool Wins(double winner, double cast, double support) =>
        winner > 0 && winner >= Quorum * cast - 1e-12 && winner >= support - 1e-12;

    /// <summary>The smallest value whose cumulative weight reaches half the total (values of weight 0 never win).</summary>
    private static double WeightedMedian(IEnumerable<(double Value, double Weight)> values)
    {
        var sorted = values.Where(v => v.Weight > 0).OrderBy(v => v.Value).ToList();
        var half = sorted.Sum(v => v.Weight) / 2;
        var cumulative = 0.0;
        foreach (var (value, weight) in sorted)
        {
            cumulative += weight;
            if (cumulative >= half - 1e-12)
            {
                return value;
            }
        }
        return sorted[^1].Value;
    }

    /// <summary>Boxes are votes for one object only on the same plane and slice.</summary>
    private static double IoU(Box2D a, Box2D b)
    {
        if (a.Plane != b.Plane || a.Slice != b.Slice)
        {
            return 0;
        }
        var w = Math.Min(a.MaxX, b.MaxX) - Math.Max(a.MinX, b.MinX);
        var h = Math.Min(a.MaxY, b.MaxY) - Math.Max(a.MinY, b.MinY);
        var inter = w > 0 && h > 0 ? w * h : 0;
        var union = a.Area + b.Area - inter;
        return union > 0 ? inter / union : 0;
    }
}
