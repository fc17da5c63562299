namespace WeakSegPortal.Core.Agreement;

/// <summary>Per-voxel disagreement in [0, 1]: 0 when all voters agree, 1 at an even split.</summary>
/// <remarks>
/// Normalised minority share: (1 − max class share) / (1 − 1/C). For two classes this is
/// 1 − |2f − 1| with f the vote fraction. Chosen over entropy because it reads directly as
/// "how close to a coin toss" and is linear in votes. Voxels nobody labelled score 0: no evidence
/// of disagreement (the voter count tells them apart from unanimity).
/// </remarks>
public static class DisagreementMap
{
    public static float[] FromVoteFraction(float[] voteFraction)
    {
        ArgumentNullException.ThrowIfNull(voteFraction);
        var map = new float[voteFraction.Length];
        for (var v = 0; v < map.Length; v++)
        {
            map[v] = 1f - Math.Abs(2f * voteFraction[v] - 1f);
        }

        return map;
    }

    public static float[] FromVotes(MajorityVoteResult vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        var map = FromVoteFraction(vote.VoteFraction);
        for (var v = 0; v < map.Length; v++)
        {
            map[v] = vote.Voters[v] == 0 ? 0f : map[v];
        }

        return map;
    }

    /// <summary>Multi-class: labels[rater][voxel] is a class index in [0, classCount) or -1 for unlabelled.</summary>
    public static float[] FromClassLabels(IReadOnlyList<int[]> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        var length = labels.Count == 0 ? 0 : labels[0].Length;
        var map = new float[length];
        var votes = new int[classCount];
        for (var v = 0; v < length; v++)
        {
            Array.Clear(votes);
            var cast = 0;
            foreach (var rater in labels)
            {
                var label = rater[v];
                if (label >= 0)
                {
                    votes[label]++;
                    cast++;
                }
            }

            map[v] = cast == 0 ? 0f : (float)((1 - (double)votes.Max() / cast) / (1 - 1.0 / classCount));
        }

        return map;
    }
}
