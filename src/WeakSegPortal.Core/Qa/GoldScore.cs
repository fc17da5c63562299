namespace WeakSegPortal.Core.Qa;

/// <summary>An annotator's accuracy on a gold item against its adjudicated labels, over the classes they labelled.</summary>
public sealed record GoldScore(double? Sensitivity, double? Specificity, double? Dice);
