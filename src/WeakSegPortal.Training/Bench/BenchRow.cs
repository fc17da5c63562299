namespace WeakSegPortal.Training.Bench;

/// <summary>One measured row: mean Dice and HD95 (mm) over the held-out items' foreground classes, and the share of full supervision's Dice.</summary>
/// <param name="PercentOfFull">100 · Dice / the full-mask case's Dice; NaN without a full-mask case or where its Dice is 0; the full-mask row itself 100 (the reference), even at Dice 0 (a run of a few steps, whose network still predicts the background its head starts from).</param>
/// <param name="Seconds">Wall time to build the targets, train and score.</param>
public sealed record BenchRow(string Case, double Dice, double Hd95Mm, double PercentOfFull, double LabelledShare, double Seconds);
