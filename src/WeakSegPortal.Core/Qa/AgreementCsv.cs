using System.Globalization;
using System.Text;
using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Qa;

/// <summary>
/// The agreement report as one flat CSV table: a row per item × annotator, item figures repeated, so
/// it loads straight into a spreadsheet or a data frame. An item nobody labelled has one row with the
/// annotator columns empty. Undefined figures are empty cells.
/// </summary>
public static class AgreementCsv
{
    public static readonly string[] Header =
    [
        "item_id", "item_name", "import_id", "status", "gold", "assisted", "score", "annotator_count", "kinds", "classes",
        "tag_alpha", "tag_mean_kappa", "scribble_class_conflict",
        "annotator_id", "dice_with_consensus", "scribble_precision", "point_validity", "box_consensus_iou",
        "annotations", "assisted_annotations", "active_seconds", "submitted", "gold_sensitivity", "gold_specificity", "gold_dice",
    ];

    public static string Write(IEnumerable<ItemAgreementSummary> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append('\n');
        foreach (var item in items)
        {
            var common = new[]
            {
                item.Id.ToString(), item.ItemName, item.ImportId.ToString(), item.Status, Bool(item.IsGold), Bool(item.Assisted),
                Number(item.Score), item.AnnotatorCount.ToString(CultureInfo.InvariantCulture), string.Join(' ', item.Kinds),
                string.Join(' ', item.ClassIds), Number(item.TagAlpha), Number(item.TagMeanKappa), Number(item.ScribbleClassConflictFraction),
            };
            if (item.Annotators.Count == 0)
            {
                Row(csv, [.. common, .. Enumerable.Repeat("", Header.Length - common.Length)]);
            }
            foreach (var a in item.Annotators)
            {
                Row(csv, [.. common, a.AnnotatorId.ToString(), Number(a.DiceWithConsensus), Number(a.ScribblePrecision), Number(a.PointValidity),
                    Number(a.BoxConsensusIoU), a.Annotations.ToString(CultureInfo.InvariantCulture), a.AssistedAnnotations.ToString(CultureInfo.InvariantCulture),
                    Number(a.ActiveMs / 1000.0), Bool(a.Submitted), Number(a.Gold?.Sensitivity), Number(a.Gold?.Specificity), Number(a.Gold?.Dice)]);
            }
        }
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string[] cells)
    {
        csv.AppendJoin(',', cells.Select(Escape)).Append('\n');
    }

    /// <summary>RFC 4180 quoting with the formula guard: <see cref="CsvCell.Escape"/>.</summary>
    public static string Escape(string cell) => CsvCell.Escape(cell);

    private static string Number(double? value) => CsvCell.Number(value);

    private static string Bool(bool value) => value ? "true" : "false";
}
