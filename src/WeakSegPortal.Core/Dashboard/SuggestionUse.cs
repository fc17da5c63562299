namespace WeakSegPortal.Core.Dashboard;

/// <summary>
/// How annotators used suggestions: suggested objects (each object one or more prompts), how many ended accepted as a
/// label, the labels taken from suggestions among all labels, and the annotator time they saved by
/// <see cref="TimeSavedEstimate"/>'s rule.
/// </summary>
public sealed record SuggestionUse(int SuggestedObjects, int AcceptedObjects, int AssistedLabels, int Labels, double EstimatedSecondsSaved)
{
    /// <summary>Accepted over suggested objects; null before any suggestion.</summary>
    public double? AcceptanceRate => SuggestedObjects == 0 ? null : (double)AcceptedObjects / SuggestedObjects;
}
