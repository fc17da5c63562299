using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Cli.Agreement;

/// <summary>One item of <c>weakseg agreement</c>'s report: the QA desk's item figures and each annotator's.</summary>
internal sealed record OfflineItemAgreement(
    Guid Id,
    string Name,
    bool Gold,
    double Score,
    int AnnotatorCount,
    int LabelledSlices,
    IReadOnlyList<int> ClassIds,
    double? TagAlpha,
    double? TagMeanKappa,
    double ScribbleClassConflict,
    IReadOnlyList<RaterFigures> Annotators);
