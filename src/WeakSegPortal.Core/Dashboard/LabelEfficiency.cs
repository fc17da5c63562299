using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Dashboard;

/// <summary>
/// The Dice each label type's consensus reaches on one adjudicated gold item. For each type, every submitting
/// annotator's labels of that type alone are rasterised per class (Labels/WeakLabelRasterizer), the annotators'
/// maps are combined by majority vote (Agreement/MajorityVote), and the vote is scored against the adjudicated labels
/// with Agreement/GoldStandard on the voxels both speak about, as the gold scores of the QA desk are.
/// </summary>
public static class LabelEfficiency
{
    /// <summary>Per label type, the Dice of its consensus for each class both it and the adjudication label.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<double>> OnGoldItem(ItemView item, IReadOnlyList<AnnotatorItemLabels> submitted, ItemAdjudicated reference)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(reference);
        var referenceAnnotations = reference.Kept.SelectMany(k => k.Annotations).ToList();
        var referenceLabels = StoredLabels.ToWeakLabels(referenceAnnotations);
        var classes = referenceAnnotations.Select(a => a.ClassId).Where(c => c != ItemAgreementSummarizer.BackgroundClassId).Distinct().Order().ToList();
        var result = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        var kinds = submitted.SelectMany(l => l.Annotations).Select(a => a.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var raters = submitted
                .Select(l => l.Annotations.Where(a => a.Kind == kind).ToList())
                .Where(a => a.Count > 0)
                .Select(StoredLabels.ToWeakLabels)
                .ToList();
            var slices = LabelledSlices.Of(ItemGrids.Of(item.Geometry), [.. raters, referenceLabels]);
            var dice = new List<double>();
            foreach (var classId in classes)
            {
                var said = WeakLabelRasterizer.Rasterize(slices.Labels[^1], classId, slices.Grid);
                var states = raters.Select((_, r) => WeakLabelRasterizer.Rasterize(slices.Labels[r], classId, slices.Grid)).ToList();
                var vote = MajorityVote.Compute(states).ToStates();
                for (var v = 0; v < vote.Length; v++)
                {
                    // Judged only where the adjudicated labels say something, as the QA desk's gold scores are.
                    vote[v] = said[v] == (byte)LabelState.Unknown ? (byte)LabelState.Unknown : vote[v];
                }
                var accuracy = GoldStandard.Compare(vote, LabelMasks.Positives(said));
                if (accuracy.LabelledVoxels > 0)
                {
                    dice.Add(accuracy.Dice);
                }
            }
            if (dice.Count > 0)
            {
                result[kind] = dice;
            }
        }
        return result;
    }
}
