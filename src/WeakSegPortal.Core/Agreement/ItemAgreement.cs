namespace WeakSegPortal.Core.Agreement;

/// <summary>Everything the QA desk shows about how far annotators agree on one item.</summary>
/// <param name="ScribbleConflicts">Summed over annotator pairs: overlapping scribbles with different classes.</param>
/// <param name="TagAlpha">Krippendorff's α over the item's tags (units: class × slice); NaN if no tag is pairable.</param>
/// <param name="TagMeanKappa">Mean Cohen's κ over annotator pairs on their shared tags; NaN if no pair shares one.</param>
/// <param name="Score">Overall agreement in [0, 1] to sort by; see <see cref="ItemScore"/>.</param>
public sealed record ItemAgreement(
    int AnnotatorCount,
    IReadOnlyList<ClassAgreement> Classes,
    ScribbleConflict ScribbleConflicts,
    double TagAlpha,
    double TagMeanKappa,
    double Score);
