namespace WeakSegPortal.Core.Qa;

/// <summary>Median active seconds per annotation of one kind, and how many there were.</summary>
public sealed record KindSpeed(string Kind, double MedianSeconds, int Count);
