namespace WeakSegPortal.Core.Agreement;

/// <summary>A rater's accuracy against an item's reference labels, the mean over the classes both speak about.</summary>
public sealed record GoldFigures(double? Sensitivity, double? Specificity, double? Dice);
