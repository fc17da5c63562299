namespace WeakSegPortal.ML.Evaluation;

/// <summary>One click of the simulated annotator, in slice pixels: positive on a missed region, negative on a false one.</summary>
public sealed record SimulatedClick(int X, int Y, bool IsPositive);
