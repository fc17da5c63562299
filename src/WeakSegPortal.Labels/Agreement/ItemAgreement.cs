namespace WeakSegPortal.Core.Agreement;

/// <summary>Everything the QA desk shows about how far annotators agree on one item.</summary>
/// <param name="ScribbleConflicts">Summed over annotator pairs: overlapping scribbles with different classes.</param>
/// <param name="Tags">Krippendorff's α and mean Cohen's κ over the item's tags (units: class × slice), each possibly undefined with the reason.</param>
/// <param name="Score">Overall agreement in [0, 1] to sort by; see <see cref="ItemScore"/>.</param>
public sealed record ItemAgreement(
    int AnnotatorCount,
    IReadOnlyList<ClassAgreement> Classes,
    ScribbleConflict ScribbleConflicts,
    TagAgreementResult Tags,
    double Score)
{
    /// <summary>α, NaN where undefined (see <see cref="Tags"/> for why).</summary>
    public double TagAlpha => Tags.Alpha.Value ?? double.NaN;

    /// <summary>Mean κ, NaN where undefined.</summary>
    public double TagMeanKappa => Tags.MeanKappa.Value ?? double.NaN;
}
