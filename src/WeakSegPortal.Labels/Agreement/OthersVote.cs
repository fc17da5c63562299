using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>The others' majority vote (everyone but one rater) and that rater's labelled Dice against it.</summary>
/// <remarks>
/// One fused pass over the full vote, for the item calculator's hot path; equivalent to
/// <see cref="MajorityVote.LeaveOut"/> followed by <see cref="Overlap.LabelledDice"/> on its states.
/// Writes into caller-owned buffers, reused rater after rater, so a recompute does not churn the
/// large-object heap (each buffer is an image's worth of voxels).
/// </remarks>
internal sealed record OthersVote(bool[] Consensus, byte[] Voters, double RaterDice, bool AnyConsensus)
{
    public static OthersVote Of(MajorityVoteResult all, byte[] rater, bool[] consensus, byte[] voters)
    {
        var length = rater.Length;
        long both = 0, either = 0, shared = 0;
        var any = false;
        for (var v = 0; v < length; v++)
        {
            var state = rater[v];
            var saysPositive = state == (byte)LabelState.Positive ? 1 : 0;
            var labelled = state != (byte)LabelState.Unknown ? 1 : 0;
            var othersPositive = all.Positives[v] - saysPositive;
            var othersVoters = all.Voters[v] - labelled;
            var agreed = 2 * othersPositive > othersVoters;
            consensus[v] = agreed;
            voters[v] = (byte)othersVoters;
            any |= agreed;
            if (labelled == 1 && othersVoters > 0)
            {
                shared++;
                var consensusPositive = agreed ? 1 : 0;
                both += saysPositive & consensusPositive;
                either += saysPositive + consensusPositive;
            }
        }

        var dice = shared == 0 ? double.NaN : either == 0 ? 1.0 : 2.0 * both / either;
        return new OthersVote(consensus, voters, dice, any);
    }
}
