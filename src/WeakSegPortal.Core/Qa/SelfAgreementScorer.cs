using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;

namespace WeakSegPortal.Core.Qa;

/// <summary>
/// Scores a hidden repeat against its first pass with <see cref="ItemAgreementSummarizer"/>, as if the repeat were
/// a second annotator, so self-agreement and agreement between annotators are the same figure.
/// </summary>
public static class SelfAgreementScorer
{
    /// <summary>The self-agreement of a repeat, or null while either pass is not submitted.</summary>
    public static SelfAgreement? Score(ItemView original, ItemView repeat, AnnotatorItemLabels first, AnnotatorItemLabels second, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(repeat);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var annotator = first.AnnotatorId;
        if (!original.SubmittedBy.Contains(annotator) || !repeat.SubmittedBy.Contains(annotator))
        {
            return null;
        }
        // The repeat stands in as a second rater under the repeat item's id; the original view gives the geometry.
        var secondRater = new AnnotatorItemLabels { ItemId = original.Id, AnnotatorId = repeat.Id, Annotations = second.Annotations };
        var summary = ItemAgreementSummarizer.Summarize(original, [first, secondRater], null, now);
        var mine = summary.Annotators.Find(a => a.AnnotatorId == annotator);
        return new SelfAgreement
        {
            Id = repeat.Id,
            ProjectId = original.ProjectId,
            AnnotatorId = annotator,
            OriginalItemId = original.Id,
            Agreement = summary.AnnotatorCount == 2 ? mine?.Agreement : null,
            Dice = Defined.Mean(summary.Classes.Select(c => c.MeanPairwiseDice)),
            UpdatedAt = now,
        };
    }
}
