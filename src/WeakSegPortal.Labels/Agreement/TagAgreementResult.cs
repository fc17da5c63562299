namespace WeakSegPortal.Core.Agreement;

/// <summary>Agreement on an item's present/absent tags (units: class × slice, slice null for the whole item).</summary>
/// <param name="Alpha">Krippendorff's α over all annotators (missing ratings allowed).</param>
/// <param name="MeanKappa">Mean Cohen's κ over the annotator pairs whose κ is defined.</param>
public sealed record TagAgreementResult(AgreementStatistic Alpha, AgreementStatistic MeanKappa)
{
    public static TagAgreementResult None { get; } = new(AgreementStatistic.None, AgreementStatistic.None);

    /// <summary>(A method, not a property: a stored summary holds this record and JSON has no NaN.) What the item score counts for tags: α where defined, else the percent agreement (1 when all ratings are identical); NaN without tags.</summary>
    public double ScoreComponent() => Alpha.Value is { } alpha ? Math.Clamp(alpha, 0, 1) : Alpha.PercentAgreement ?? double.NaN;
}
