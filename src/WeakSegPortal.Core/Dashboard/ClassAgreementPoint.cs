namespace WeakSegPortal.Core.Dashboard;

/// <summary>
/// Mean pairwise Dice of one class over the items whose labels last changed on one UTC day (items with two or more
/// annotators and a defined Dice for the class).
/// </summary>
public sealed record ClassAgreementPoint(DateOnly Day, int ClassId, double MeanDice, int Items);
