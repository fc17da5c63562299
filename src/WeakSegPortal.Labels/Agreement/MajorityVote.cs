using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Majority vote of several raters' three-state maps of one class.</summary>
/// <remarks>
/// Only Positive and Negative are votes; an Unknown voxel is an abstention, so a class scribbled by
/// one annotator and left blank by four others is that one annotator's call, not a 1-to-4 defeat.
/// </remarks>
public static class MajorityVote
{
    /// <param name="states">One map per rater, all the same length.</param>
    /// <param name="excludedRater">A rater to leave out (leave-one-out consensus), or -1 for none.</param>
    public static MajorityVoteResult Compute(IReadOnlyList<byte[]> states, int excludedRater = -1)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0 || states.Count > byte.MaxValue)
        {
            throw new ArgumentException("Need between 1 and 255 raters.", nameof(states));
        }

        var length = states[0].Length;
        var positives = new byte[length];
        var voters = new byte[length];
        for (var r = 0; r < states.Count; r++)
        {
            if (r == excludedRater)
            {
                continue;
            }

            var map = states[r];
            if (map.Length != length)
            {
                throw new ArgumentException("All maps must have the same length.", nameof(states));
            }

            for (var v = 0; v < length; v++)
            {
                var state = map[v];
                positives[v] += state == (byte)LabelState.Positive ? (byte)1 : (byte)0;
                voters[v] += state != (byte)LabelState.Unknown ? (byte)1 : (byte)0;
            }
        }

        return Finish(positives, voters);
    }

    /// <summary>The vote without one rater, from the full vote and that rater's map, in one pass.</summary>
    public static MajorityVoteResult LeaveOut(MajorityVoteResult all, byte[] raterStates)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(raterStates);
        var length = all.Voters.Length;
        var positives = new byte[length];
        var voters = new byte[length];
        for (var v = 0; v < length; v++)
        {
            var state = raterStates[v];
            positives[v] = (byte)(all.Positives[v] - (state == (byte)LabelState.Positive ? 1 : 0));
            voters[v] = (byte)(all.Voters[v] - (state != (byte)LabelState.Unknown ? 1 : 0));
        }

        return Finish(positives, voters);
    }

    private static MajorityVoteResult Finish(byte[] positives, byte[] voters)
    {
        var fraction = new float[positives.Length];
        var consensus = new bool[positives.Length];
        for (var v = 0; v < positives.Length; v++)
        {
            fraction[v] = voters[v] == 0 ? 0f : (float)positives[v] / voters[v];
            consensus[v] = 2 * positives[v] > voters[v];
        }

        return new MajorityVoteResult(fraction, positives, voters, consensus);
    }
}
