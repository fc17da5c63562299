namespace WeakSegPortal.Core.Dashboard;

/// <summary>Known-answer items: how many there are, how many were submitted at all and by the target number, and how many have their answer settled (adjudicated).</summary>
public sealed record GoldCoverage(int Items, int Submitted, int AtTarget, int Adjudicated, int Submissions);
