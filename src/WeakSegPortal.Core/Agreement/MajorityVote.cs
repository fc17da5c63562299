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

        var fraction = new float[length];
        var consensus = new bool[length];
        for (var v = 0; v < length; v++)
        {
            fraction[v] = voters[v] == 0 ? 0f : (float)positives[v] / voters[v];
            consensus[v] = 2 * positives[v] > voters[v];
        }

        return new MajorityVoteResult(fraction, voters, consensus);
    }
}
