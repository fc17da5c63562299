namespace WeakSegPortal.Core.Labels;

/// <summary>A class of the project: its stable id, name and display colour.</summary>
public sealed record ExchangeClass(int Id, string Name, string? Colour);
