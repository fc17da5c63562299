namespace WeakSegPortal.Core.Dashboard;

/// <summary>Items submitted on one UTC day (hidden repeats included: they are labelling work), and by how many annotators.</summary>
public sealed record DailyThroughput(DateOnly Day, int Submitted, int Annotators);
