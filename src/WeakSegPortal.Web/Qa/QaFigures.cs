using System.Globalization;
using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Web.Qa;

/// <summary>
/// The one place that says what each figure of the QA desk measures and against what: tooltips of
/// the item and annotator figures, the per-class table, the tags line and the heat map's legend.
/// </summary>
public static class QaFigures
{
    public const string ItemScore =
        "Item agreement, 0–1: the mean of the item's figures (pairwise Dice, box IoU, scribble precision, clicks inside, "
        + "1 − scribble class conflicts, tag α or, where α is undefined, tag percent agreement). The list sorts lowest first; 1 when nothing could be compared.";

    public const string AnnotatorAgreement =
        "This annotator's agreement, 0–1: the same mean as the item's score over the same kinds of figure, each taken between "
        + "this annotator and the others (Dice with the others' consensus, box IoU with the others' boxes, scribble precision, clicks inside).";

    public const string Dice =
        "Labelled Dice, 2|A∩B| / (|A| + |B|) of the positive voxels, counted only where both sides labelled something "
        + "(inside a box is unknown, not labelled). Per class: mean over pairs of annotators; per annotator: against the others' majority vote.";

    public const string Hd95 =
        "HD95 in mm across slices: every surface voxel of one annotator's region (their paint of the class, else the inside of their boxes) "
        + "measured to the nearest surface voxel of the other's at the item's voxel spacing, both ways pooled; the 95th percentile. "
        + "A slice one drew the class on and the other did not counts. ∞ when one region is empty.";

    public const string Assd =
        "ASSD in mm across slices: the mean of the same pooled surface distances as HD95 (average symmetric surface distance).";

    public const string WorstSlices =
        "Slices where a pair of annotators' regions differ, worst first: by that slice's in-plane HD95 (∞ where only one drew the class), "
        + "then ASSD, then the lower Dice. Next and Previous move the viewer to them.";

    public const string BoxIoU =
        "Box IoU, |A∩B| / |A∪B|: each box matched with the most overlapping box of the other annotator on the same slice, "
        + "averaged both ways. Per class: mean over pairs of annotators; per annotator: mean over the others.";

    public const string ScribblePrecision =
        "Scribble precision: share of an annotator's scribble voxels inside the others' consensus — their scribbles and masks where those "
        + "make one, else the region inside the boxes of most of the others — counted where the others labelled. Per class: mean over annotators.";

    public const string PointsInside =
        "Clicks inside: share of an annotator's positive clicks inside the others' consensus — their scribbles and masks where those make one, "
        + "else the region inside the boxes of most of the others (the others' clicks are single voxels, not a region). Per class: mean over annotators.";

    public const string TagAlpha =
        "Krippendorff's α on the present/absent tags (per class and slice) of all annotators, missing ratings allowed: 1 perfect, 0 chance level, "
        + "≥ 0.8 reliable, ≥ 0.667 tentative. Undefined when every rating is the same.";

    public const string TagKappa =
        "Cohen's κ on the tags both annotators of a pair rated, mean over pairs: 1 perfect, 0 chance level. "
        + "Undefined when every rating is the same (the kappa paradox: chance agreement is then 1 and κ is 0/0).";

    public const string PercentAgreement =
        "Percent agreement: share of the pairs of ratings of the same tag that agree. Not corrected for chance; stays defined when α and κ are not.";

    public const string Consensus = "Consensus: per pixel, the majority vote of the annotators in the adjudication base (unlabelled pixels abstain).";

    public const string Heat =
        "Disagreement per pixel: 0 where all annotators who labelled it agree, 1 at an even split; transparent where nobody labelled it. "
        + "The worst class counts.";

    /// <summary>The heat map's colour at disagreement d in (0, 1]; the legend and the PNG both use it.</summary>
    public static (byte R, byte G, byte B, byte A) HeatColour(double d)
    {
        var x = Math.Clamp(d, 0, 1);
        return (255, (byte)Math.Round(200 * (1 - x)), 0, (byte)Math.Round(60 + 170 * x));
    }

    /// <summary>CSS colour of <see cref="HeatColour"/>.</summary>
    public static string HeatCss(double d)
    {
        var (r, g, b, a) = HeatColour(d);
        return string.Create(CultureInfo.InvariantCulture, $"rgba({r},{g},{b},{a / 255.0:0.###})");
    }

    /// <summary>What an annotator's clicks and scribbles were scored against, in words; null when nothing.</summary>
    public static string? ScoredAgainst(string? basis) => basis switch
    {
        ConsensusBasis.Labels => "clicks and scribbles scored against the others' scribbles and masks",
        ConsensusBasis.Boxes => "clicks and scribbles scored against the others' boxes (no scribble or mask consensus)",
        _ => null,
    };

    /// <summary>A figure for people: two decimals, or "—" when undefined.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>A statistic for people: its value, or why it is undefined.</summary>
    public static string Statistic(AgreementStatistic? statistic) => statistic switch
    {
        { Value: { } v } => Number(v),
        { UndefinedReason: { } reason } => reason,
        _ => "—",
    };

    /// <summary>"100 %" or "—".</summary>
    public static string Percent(double? share) => share is { } s ? string.Create(CultureInfo.InvariantCulture, $"{100 * s:0} %") : "—";

    /// <summary>A distance for people: "2.4 mm", or "∞" where one side is empty.</summary>
    public static string Millimetres(double mm) =>
        double.IsPositiveInfinity(mm) ? "∞" : string.Create(CultureInfo.InvariantCulture, $"{mm:0.0} mm");
}
