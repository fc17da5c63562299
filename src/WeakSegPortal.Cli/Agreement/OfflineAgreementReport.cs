using System.Text;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Cli.Agreement;

/// <summary>
/// The QA desk's agreement report computed offline from a weak-label file: per item <see cref="LabelSetAgreement"/> (the
/// portal's own maths) over the annotators with labels, scored against the adjudicated labels on gold items; per annotator
/// the means the scorecard takes.
/// </summary>
internal sealed record OfflineAgreementReport(string? Project, IReadOnlyList<OfflineItemAgreement> Items, IReadOnlyList<OfflineAnnotatorAgreement> Annotators)
{
    public static readonly string[] CsvHeader =
    [
        "item_id", "item_name", "gold", "score", "annotator_count", "labelled_slices", "classes", "tag_alpha", "tag_mean_kappa", "scribble_class_conflict",
        "annotator_id", "dice_with_consensus", "scribble_precision", "point_validity", "box_consensus_iou", "agreement", "box_iou_with_others",
        "gold_sensitivity", "gold_specificity", "gold_dice",
    ];

    public static OfflineAgreementReport Of(WeakLabelFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var items = new List<OfflineItemAgreement>(file.Items.Count);
        foreach (var item in file.Items)
        {
            ct.ThrowIfCancellationRequested();
            var raters = item.Annotators.Where(a => a.Labels.Count > 0).OrderBy(a => a.Id).Select(a => (a.Id.ToString(), a.ToWeakLabels())).ToList();
            var reference = item.Gold && item.Adjudicated is { } kept ? ExchangeLabel.ToWeakLabels(kept) : null;
            var figures = LabelSetAgreement.Compute(item.Geometry.ToGrid(), raters, reference);
            var a = figures.Agreement;
            items.Add(new OfflineItemAgreement(item.Id, item.Name, item.Gold, a.Score, raters.Count, figures.LabelledSlices, figures.ClassIds,
                Defined.OrNull(a.TagAlpha), Defined.OrNull(a.TagMeanKappa), a.ScribbleConflicts.ClassConflictFraction, figures.Raters));
        }
        var annotators = items.SelectMany(i => i.Annotators).GroupBy(r => r.RaterId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var gold = g.Where(r => r.Gold is not null).Select(r => r.Gold!).ToList();
                return new OfflineAnnotatorAgreement(g.Key, g.Count(), g.Count(r => r.DiceWithConsensus is not null),
                    Defined.Mean(g.Select(r => r.DiceWithConsensus)), Defined.Mean(g.Select(r => r.Agreement)), gold.Count,
                    Defined.Mean(gold.Select(x => x.Sensitivity)), Defined.Mean(gold.Select(x => x.Specificity)), Defined.Mean(gold.Select(x => x.Dice)));
            })
            .ToList();
        return new OfflineAgreementReport(file.ProjectName, items, annotators);
    }

    /// <summary>A row per item × annotator (an item nobody labelled: one row, annotator cells empty).</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', CsvHeader).Append('\n');
        foreach (var item in Items)
        {
            string[] common =
            [
                item.Id.ToString(), item.Name, item.Gold ? "true" : "false", CsvCell.Number(item.Score), item.AnnotatorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                item.LabelledSlices.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(' ', item.ClassIds),
                CsvCell.Number(item.TagAlpha), CsvCell.Number(item.TagMeanKappa), CsvCell.Number(item.ScribbleClassConflict),
            ];
            var rows = item.Annotators.Count == 0
                ? [[.. common, .. Enumerable.Repeat("", CsvHeader.Length - common.Length)]]
                : item.Annotators.Select(r => (string[])[.. common, r.RaterId, CsvCell.Number(r.DiceWithConsensus), CsvCell.Number(r.ScribblePrecision),
                    CsvCell.Number(r.PointValidity), CsvCell.Number(r.BoxConsensusIoU), CsvCell.Number(r.Agreement), CsvCell.Number(r.BoxIoUWithOthers),
                    CsvCell.Number(r.Gold?.Sensitivity), CsvCell.Number(r.Gold?.Specificity), CsvCell.Number(r.Gold?.Dice)]).ToList();
            foreach (var row in rows)
            {
                csv.AppendJoin(',', row.Select(CsvCell.Escape)).Append('\n');
            }
        }
        return csv.ToString();
    }
}
