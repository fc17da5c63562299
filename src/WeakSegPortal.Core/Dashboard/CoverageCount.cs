namespace WeakSegPortal.Core.Dashboard;

/// <summary>On one item, how many annotators who submitted it gave labels of this class and type.</summary>
public sealed record CoverageCount(int ClassId, string Kind, int Annotators);
