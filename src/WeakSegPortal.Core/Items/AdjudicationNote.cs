namespace WeakSegPortal.Core.Items;

/// <summary>The latest adjudication of an item, as lists and the queue need it.</summary>
public sealed record AdjudicationNote(string Basis, Guid? ChosenAnnotatorId, Guid By, DateTimeOffset At);
