namespace WeakSegPortal.Core.Consistency;

/// <summary>
/// One 3D consistency problem in one annotator's labels on an item: the rule that found it, the class, the slices
/// involved (in the item's stored slice order) and a message for a person. A finding is shown, never fixed silently.
/// </summary>
public sealed record ConsistencyFinding(string Rule, int ClassId, IReadOnlyList<int> Slices, string Message);
