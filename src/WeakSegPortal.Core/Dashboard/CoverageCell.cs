namespace WeakSegPortal.Core.Dashboard;

/// <summary>
/// One class × label type: how many items have at least one, and at least the target number of, independent submitted
/// annotations of it (annotators who submitted the item with a label of this class and type).
/// </summary>
/// <param name="ItemsByAnnotations">Index n: items with n such annotators; the last entry counts the target and above.</param>
public sealed record CoverageCell(int ClassId, string Kind, int ItemsWithAny, int ItemsAtTarget, IReadOnlyList<int> ItemsByAnnotations);
