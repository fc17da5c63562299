namespace WeakSegPortal.Core.Agreement;

/// <summary>The consensus of every rater but one, so a rater's labels are not judged against themselves.</summary>
/// <remarks>Majority vote rather than STAPLE: it is recomputed once per rater on every landing annotation.</remarks>
public static class LeaveOneOutConsensus
{
    public static bool[] Without(IReadOnlyList<byte[]> states, int rater)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentOutOfRangeException.ThrowIfNegative(rater);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rater, states.Count);
        return states.Count == 1
            ? new bool[states[0].Length]
            : MajorityVote.Compute(states, rater).Consensus;
    }
}
