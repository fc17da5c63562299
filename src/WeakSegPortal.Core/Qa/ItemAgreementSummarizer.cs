using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Qa;

/// <summary>
/// Builds an item's <see cref="ItemAgreementSummary"/> from everyone's current labels, with the
/// existing agreement maths (<see cref="ItemAgreementCalculator"/>) on the labelled slices only.
/// On a gold item with an adjudication, each annotator is also scored against the adjudicated labels.
/// </summary>
public static class ItemAgreementSummarizer
{
    public const int BackgroundClassId = 0;

    public static ItemAgreementSummary Summarize(ItemView item, IReadOnlyList<AnnotatorItemLabels> labels, ItemAdjudicated? reference, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(labels);
        var labelled = labels.Where(l => l.Annotations.Count > 0).OrderBy(l => l.AnnotatorId).ToList();
        var geometry = labelled.Select(l => StoredLabels.ToWeakLabels(l.Annotations)).ToList();
        var referenceLabels = reference is null || !item.IsGold
            ? null
            : StoredLabels.ToWeakLabels(reference.Kept.SelectMany(k => k.Annotations));
        var classIds = labelled.SelectMany(l => l.Annotations).Select(a => a.ClassId)
            .Where(c => c != BackgroundClassId).Distinct().Order().ToList();
        var slices = LabelledSlices.Of(ItemGrids.Of(item.Geometry), referenceLabels is null ? geometry : [.. geometry, referenceLabels]);
        var raters = labelled.Select((l, r) => AnnotatorLabels.FromGeometry(l.AnnotatorId.ToString(), slices.Labels[r], classIds, slices.Grid)).ToList();
        var agreement = ItemAgreementCalculator.Compute(slices.Grid, classIds, raters, BackgroundClassId);
        var gold = referenceLabels is null ? null : GoldReference(slices.Labels[^1], classIds, slices.Grid);
        var annotators = labelled.Select((l, r) => ForAnnotator(item, l, agreement, gold is null ? null : Gold(raters[r], gold))).ToList();
        var assisted = labelled.Sum(l => l.Annotations.Count(StoredLabels.IsAssisted));
        return new ItemAgreementSummary
        {
            Id = item.Id,
            ProjectId = item.ProjectId,
            ImportId = item.ImportId,
            ItemName = item.Name,
            IsGold = item.IsGold,
            Status = item.Returns.Count > 0 ? QaStatus.Returned : item.Adjudication is not null ? QaStatus.Adjudicated : QaStatus.Open,
            Score = agreement.Score,
            AnnotatorCount = labelled.Count,
            SubmittedCount = item.SubmittedBy.Count,
            Assisted = assisted > 0,
            AssistedAnnotations = assisted,
            ManualAnnotations = labelled.Sum(l => l.Annotations.Count) - assisted,
            AssistedAgreement = Defined.Mean(annotators.Where(a => a.AssistedAnnotations > 0).Select(a => a.Agreement)),
            ManualAgreement = Defined.Mean(annotators.Where(a => a.AssistedAnnotations == 0).Select(a => a.Agreement)),
            TagAlpha = Defined.OrNull(agreement.TagAlpha),
            TagMeanKappa = Defined.OrNull(agreement.TagMeanKappa),
            Tags = agreement.Tags,
            ScribbleClassConflictFraction = agreement.ScribbleConflicts.ClassConflictFraction,
            LabelledSlices = labelled.Count == 0 ? 0 : slices.VolumeSlices.Length,
            AnnotatorIds = [.. labelled.Select(l => l.AnnotatorId)],
            ClassIds = classIds,
            Kinds = [.. labelled.SelectMany(l => l.Annotations).Select(a => a.Kind).Distinct().Order(StringComparer.Ordinal)],
            Classes = [.. agreement.Classes.Select(ForClass)],
            Annotators = annotators,
            UpdatedAt = now,
        };
    }

    private static ClassAgreementSummary ForClass(ClassAgreement c) => new(
        c.ClassId,
        Defined.OrNull(c.MeanPairwiseDice),
        Defined.OrNull(c.MeanBoxIoU),
        Defined.Mean(c.Annotators.Select(a => Defined.OrNull(a.ScribblePrecision))),
        Defined.Mean(c.Annotators.Select(a => Defined.OrNull(a.Points.ShareInside))));

    private static AnnotatorAgreementSummary ForAnnotator(ItemView item, AnnotatorItemLabels labels, ItemAgreement agreement, GoldScore? gold)
    {
        var id = labels.AnnotatorId.ToString();
        var mine = agreement.Classes.SelectMany(c => c.Annotators).Where(a => a.AnnotatorId == id).ToList();
        return new AnnotatorAgreementSummary(
            labels.AnnotatorId,
            Defined.Mean(mine.Select(a => Defined.OrNull(a.DiceWithConsensus))),
            Defined.Mean(mine.Select(a => Defined.OrNull(a.ScribblePrecision))),
            Defined.Mean(mine.Select(a => Defined.OrNull(a.Points.ShareInside))),
            Defined.Mean(mine.Select(a => Defined.OrNull(a.BoxConsensusIoU))),
            labels.Annotations.Count,
            labels.Annotations.Count(StoredLabels.IsAssisted),
            labels.Annotations.Sum(a => a.ActiveMs),
            item.SubmittedBy.Contains(labels.AnnotatorId),
            gold)
        {
            Agreement = Defined.OrNull(ItemScore.ForAnnotator(mine)),
            BoxIoUWithOthers = Defined.Mean(mine.Select(a => Defined.OrNull(a.BoxIoUWithOthers))),
            ScoredAgainst = ScoredAgainst(mine),
        };
    }

    private static string? ScoredAgainst(List<AnnotatorClassAgreement> mine) =>
        mine.Any(a => a.ScoredAgainst == ConsensusBasis.Labels) ? ConsensusBasis.Labels
        : mine.Any(a => a.ScoredAgainst == ConsensusBasis.Boxes) ? ConsensusBasis.Boxes
        : null;

    /// <summary>Per class, the adjudicated labels' positives, and which voxels they speak about at all.</summary>
    private static Dictionary<int, (bool[] Mask, byte[] Said)> GoldReference(WeakLabels reference, IReadOnlyList<int> classIds, Grid grid) =>
        classIds.ToDictionary(c => c, c =>
        {
            var states = WeakLabelRasterizer.Rasterize(reference, c, grid);
            return (LabelMasks.Positives(states), states);
        });

    private static GoldScore Gold(AnnotatorLabels rater, Dictionary<int, (bool[] Mask, byte[] Said)> gold)
    {
        var scores = new List<GoldAccuracy>();
        foreach (var (classId, reference) in gold)
        {
            if (!rater.States.TryGetValue(classId, out var states))
            {
                continue;
            }
            // Judge only where both the annotator and the adjudicated labels say something.
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
        return new GoldScore(
            Defined.Mean(scores.Select(s => Defined.OrNull(s.Sensitivity))),
            Defined.Mean(scores.Select(s => Defined.OrNull(s.Specificity))),
            Defined.Mean(scores.Select(s => Defined.OrNull(s.Dice))));
    }
}
