using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Qa;

/// <summary>
/// Builds an item's <see cref="ItemAgreementSummary"/> from everyone's current labels, with the
/// agreement maths of one label set (<see cref="LabelSetAgreement"/>, which <c>weakseg agreement</c> also runs) on the labelled slices only.
/// On a gold item with an adjudication, each annotator is also scored against the adjudicated labels.
/// </summary>
public static class ItemAgreementSummarizer
{
    public const int BackgroundClassId = LabelSetAgreement.BackgroundClassId;

    public static ItemAgreementSummary Summarize(ItemView item, IReadOnlyList<AnnotatorItemLabels> labels, ItemAdjudicated? reference, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(labels);
        var labelled = labels.Where(l => l.Annotations.Count > 0).OrderBy(l => l.AnnotatorId).ToList();
        var referenceLabels = reference is null || !item.IsGold
            ? null
            : StoredLabels.ToWeakLabels(reference.Kept.SelectMany(k => k.Annotations));
        var figures = LabelSetAgreement.Compute(ItemGrids.Of(item.Geometry),
            [.. labelled.Select(l => (l.AnnotatorId.ToString(), StoredLabels.ToWeakLabels(l.Annotations)))], referenceLabels);
        var agreement = figures.Agreement;
        var annotators = labelled.Select((l, r) => ForAnnotator(item, l, figures.Raters[r])).ToList();
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
            LabelledSlices = figures.LabelledSlices,
            AnnotatorIds = [.. labelled.Select(l => l.AnnotatorId)],
            ClassIds = [.. figures.ClassIds],
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

    private static AnnotatorAgreementSummary ForAnnotator(ItemView item, AnnotatorItemLabels labels, RaterFigures figures) =>
        new(
            labels.AnnotatorId,
            figures.DiceWithConsensus,
            figures.ScribblePrecision,
            figures.PointValidity,
            figures.BoxConsensusIoU,
            labels.Annotations.Count,
            labels.Annotations.Count(StoredLabels.IsAssisted),
            labels.Annotations.Sum(a => a.ActiveMs),
            item.SubmittedBy.Contains(labels.AnnotatorId),
            figures.Gold is { } gold ? new GoldScore(gold.Sensitivity, gold.Specificity, gold.Dice) : null)
        {
            Agreement = figures.Agreement,
            BoxIoUWithOthers = figures.BoxIoUWithOthers,
            ScoredAgainst = figures.ScoredAgainst,
        };
}
