namespace WeakSegPortal.Core.Agreement;

/// <summary>Folds an item's agreement figures into one number in [0, 1] for sorting the QA queue.</summary>
/// <remarks>
/// The plain mean of whichever of these components the item has (undefined ones are skipped, so a
/// box-only item is judged on boxes alone): mean pairwise Dice over classes, mean box IoU, mean
/// leave-one-out scribble precision, mean share of clicks inside the leave-one-out consensus,
/// 1 − scribble class-conflict fraction (when scribbles overlap), and tag α clamped to [0, 1].
/// Each component already lies in [0, 1], so equal weights keep the score readable. An item with
/// nothing comparable (one annotator, or labels that never meet) scores 1: no evidence of
/// disagreement; <see cref="ItemAgreement.AnnotatorCount"/> tells those apart.
/// Known weakness: annotators who drew only boxes agree on the Negative voxels outside their boxes,
/// so their labelled Dice is 1 and box IoU alone separates good and bad box items.
/// </remarks>
public static class ItemScore
{
    public static double Combine(IReadOnlyList<ClassAgreement> classes, ScribbleConflict conflicts, double tagAlpha)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(conflicts);
        var dice = new MeanOfDefined();
        var boxes = new MeanOfDefined();
        var scribbles = new MeanOfDefined();
        var points = new MeanOfDefined();
        foreach (var item in classes)
        {
            dice.Add(item.MeanPairwiseDice);
            boxes.Add(item.MeanBoxIoU);
            foreach (var annotator in item.Annotators)
            {
                scribbles.Add(annotator.ScribblePrecision);
                points.Add(annotator.Points.ShareInside);
            }
        }

        var components = new MeanOfDefined();
        components.Add(dice.Mean);
        components.Add(boxes.Mean);
        components.Add(scribbles.Mean);
        components.Add(points.Mean);
        components.Add(conflicts.OverlapVoxels > 0 ? 1 - conflicts.ClassConflictFraction : double.NaN);
        components.Add(double.IsNaN(tagAlpha) ? double.NaN : Math.Clamp(tagAlpha, 0, 1));
        return double.IsNaN(components.Mean) ? 1 : components.Mean;
    }
}
