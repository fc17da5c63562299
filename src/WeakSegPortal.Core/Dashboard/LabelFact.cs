namespace WeakSegPortal.Core.Dashboard;

/// <summary>What the dashboard needs of one current label: whose, on which item, its class and type, its active time, whether it came from a suggestion.</summary>
public sealed record LabelFact(Guid ItemId, Guid AnnotatorId, int ClassId, string Kind, long ActiveMs, bool Assisted);
