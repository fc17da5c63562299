namespace WeakSegPortal.Core.Agreement;

/// <summary>Folds an item's agreement figures into one number in [0, 1] for sorting the QA queue, and each annotator's into theirs.</summary>
/// <remarks>
/// The plain mean of whichever of these components the item has (undefined ones are skipped, so a
/// box-only item is judged on boxes alone): mean pairwise Dice over classes, mean box IoU, mean
/// leave-one-out scribble precision, mean share of clicks inside the others' consensus,
/// 1 − scribble class-conflict fraction (when scribbles overlap), and tags (α clamped to [0, 1], or
/// the percent agreement where α is undefined because all ratings are identical).
/// Each component already lies in [0, 1], so equal weights keep the score readable. An item with
/// nothing comparable (one annotator, or labels that never meet) scores 1: no evidence of
/// disagreement; <see cref="ItemAgreement.AnnotatorCount"/> tells those apart.
/// An annotator's score (<see cref="ForAnnotator"/>) is the same mean of the same kinds of figure, each
/// taken between that annotator and the others: their Dice with the others' consensus, their box
/// IoU with the others' boxes, their scribble precision and clicks inside. With two annotators these
/// are the item's own figures, so two annotators who did the same thing read the item's score.
/// Known weakness: annotators who drew only boxes agree on the Negative voxels outside their boxes,
/// so their labelled Dice is 1 and box IoU alone separates good and bad box items.
/// </remarks>
public static class ItemScore
{
    public static double Combine(IReadOnlyList<ClassAgreement> classes, ScribbleConflict conflicts, TagAgreementResult tags)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(conflicts);
        ArgumentNullException.ThrowIfNull(tags);
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
        components.Add(tags.ScoreComponent());
        return double.IsNaN(components.Mean) ? 1 : components.Mean;
    }

    /// <summary>One annotator's agreement with the others over all classes; NaN when nothing of theirs could be compared.</summary>
    public static double ForAnnotator(IEnumerable<AnnotatorClassAgreement> mine)
    {
        ArgumentNullException.ThrowIfNull(mine);
        var dice = new MeanOfDefined();
        var boxes = new MeanOfDefined();
        var scribbles = new MeanOfDefined();
        var points = new MeanOfDefined();
        foreach (var figure in mine)
        {
            dice.Add(figure.DiceWithConsensus);
            boxes.Add(figure.BoxIoUWithOthers);
            scribbles.Add(figure.ScribblePrecision);
            points.Add(figure.Points.ShareInside);
        }

        var components = new MeanOfDefined();
        components.Add(dice.Mean);
        components.Add(boxes.Mean);
        components.Add(scribbles.Mean);
        components.Add(points.Mean);
        return components.Mean;
    }
}
