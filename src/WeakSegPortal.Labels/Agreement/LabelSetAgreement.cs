using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>
/// The QA desk's agreement of one item from its raters' weak labels, in one place: the portal's agreement subscription
/// (through Core's ItemAgreementSummarizer) and <c>weakseg agreement</c> on an exported label file both call it.
/// Only the labelled slices are rasterised (<see cref="LabelledSlices"/>); the background class is not scored; on an item
/// with reference labels (an adjudicated gold item) each rater is also scored against them where both say something.
/// </summary>
public static class LabelSetAgreement
{
    public const int BackgroundClassId = 0;

    /// <param name="raters">Raters with at least one label, each with an id and their labels in voxel index space.</param>
    public static LabelSetFigures Compute(Grid volume, IReadOnlyList<(string Id, WeakLabels Labels)> raters, WeakLabels? reference)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(raters);
        var geometry = raters.Select(r => r.Labels).ToList();
        var classIds = geometry.SelectMany(ClassIdsOf).Where(c => c != BackgroundClassId).Distinct().Order().ToList();
        var slices = LabelledSlices.Of(volume, reference is null ? geometry : [.. geometry, reference]);
        var scored = raters.Select((r, n) => AnnotatorLabels.FromGeometry(r.Id, slices.Labels[n], classIds, slices.Grid)).ToList();
        var agreement = ItemAgreementCalculator.Compute(slices.Grid, classIds, scored, BackgroundClassId);
        var gold = reference is null ? null : GoldReference(slices.Labels[^1], classIds, slices.Grid);
        var figures = raters.Select((r, n) => ForRater(r.Id, agreement, gold is null ? null : Gold(scored[n], gold))).ToList();
        return new LabelSetFigures(agreement, classIds, raters.Count == 0 ? 0 : slices.VolumeSlices.Length, figures);
    }

    /// <summary>Every class a label speaks about (background included).</summary>
    public static IEnumerable<int> ClassIdsOf(WeakLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Boxes.Select(b => b.ClassId)
            .Concat(labels.Boxes3D.Select(b => b.ClassId))
            .Concat(labels.Scribbles.Select(s => s.ClassId))
            .Concat(labels.Points.Select(p => p.ClassId))
            .Concat(labels.Tags.Select(t => t.ClassId))
            .Concat(labels.Masks.Select(m => m.ClassId));
    }

    private static RaterFigures ForRater(string id, ItemAgreement agreement, GoldFigures? gold)
    {
        var mine = agreement.Classes.SelectMany(c => c.Annotators).Where(a => a.AnnotatorId == id).ToList();
        return new RaterFigures(
            id,
            Defined.Mean(mine.Select(a => Defined.OrNull(a.DiceWithConsensus))),
            Defined.Mean(mine.Select(a => Defined.OrNull(a.ScribblePrecision))),
            Defined.Mean(mine.Select(a => Defined.OrNull(a.Points.ShareInside))),
            Defined.Mean(mine.Select(a => Defined.OrNull(a.BoxConsensusIoU))),
            Defined.OrNull(ItemScore.ForAnnotator(mine)),
            Defined.Mean(mine.Select(a => Defined.OrNull(a.BoxIoUWithOthers))),
            ScoredAgainst(mine),
            gold);
    }

    private static string? ScoredAgainst(List<AnnotatorClassAgreement> mine) =>
        mine.Any(a => a.ScoredAgainst == ConsensusBasis.Labels) ? ConsensusBasis.Labels
        : mine.Any(a => a.ScoredAgainst == ConsensusBasis.Boxes) ? ConsensusBasis.Boxes
        : null;

    /// <summary>Per class, the reference labels' positives, and which voxels they speak about at all.</summary>
    private static Dictionary<int, (bool[] Mask, byte[] Said)> GoldReference(WeakLabels reference, IReadOnlyList<int> classIds, Grid grid) =>
        classIds.ToDictionary(c => c, c =>
        {
            var states = WeakLabelRasterizer.Rasterize(reference, c, grid);
            return (LabelMasks.Positives(states), states);
        });

    private static GoldFigures Gold(AnnotatorLabels rater, Dictionary<int, (bool[] Mask, byte[] Said)> gold)
    {
        var scores = new List<GoldAccuracy>();
        foreach (var (classId, reference) in gold)
        {
            if (!rater.States.TryGetValue(classId, out var states))
            {
                continue;
            }
            // Judge only where both the rater and the reference say something.
            var judged = new byte[states.Length];
            for (var v = 0; v < states.Length; v++)
            {
                judged[v] = reference.Said[v] == (byte)LabelState.Unknown ? (byte)LabelState.Unknown : states[v];
            }
            var accuracy = GoldStandard.Compare(judged, reference.Mask);
            if (accuracy.LabelledVoxels > 0)
            {
                scores.Add(accuracy);
            }
        }
        return new GoldFigures(
            Defined.Mean(scores.Select(s => Defined.OrNull(s.Sensitivity))),
            Defined.Mean(scores.Select(s => Defined.OrNull(s.Specificity))),
            Defined.Mean(scores.Select(s => Defined.OrNull(s.Dice))));
    }
}
