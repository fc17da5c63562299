namespace WeakSegPortal.Core.Dashboard;

/// <summary>Median active seconds per label of one type, from each label's own active time (the protocol's activeMs), and how many labels.</summary>
public sealed record KindTiming(string Kind, double? MedianSeconds, int Labels);
