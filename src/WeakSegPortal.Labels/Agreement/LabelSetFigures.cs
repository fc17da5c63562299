namespace WeakSegPortal.Core.Agreement;

/// <summary>What <see cref="LabelSetAgreement"/> finds on one item: the agreement maths' result, the classes scored, how many slices were labelled, each rater's figures (in the order given).</summary>
public sealed record LabelSetFigures(ItemAgreement Agreement, IReadOnlyList<int> ClassIds, int LabelledSlices, IReadOnlyList<RaterFigures> Raters);
