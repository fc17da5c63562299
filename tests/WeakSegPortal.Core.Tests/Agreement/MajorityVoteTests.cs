using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class MajorityVoteTests
{
    // Voxels: (+ ? ?) (+ − ?) (+ + −) (? ? ?) (− − +)
    private static readonly byte[][] Raters =
    [
        MaskPicture.States("###?."),
        MaskPicture.States("?.#?."),
        MaskPicture.States("??.?#"),
    ];

    [Fact]
    public void Unknown_voxels_do_not_vote()
    {
        var vote = MajorityVote.Compute(Raters);
        Assert.Equal([1f, 0.5f, 2f / 3, 0f, 1f / 3], vote.VoteFraction);
        Assert.Equal([1, 2, 3, 0, 3], vote.Voters);
        Assert.Equal([true, false, true, false, false], vote.Consensus);
    }

    [Fact]
    public void Consensus_states_are_unknown_where_nobody_voted() =>
        Assert.Equal(MaskPicture.States("#.#?."), MajorityVote.Compute(Raters).ToStates());

    [Fact]
    public void Leaving_a_rater_out_matches_voting_without_them()
    {
        var all = MajorityVote.Compute(Raters);
        for (var r = 0; r < Raters.Length; r++)
        {
            var direct = MajorityVote.Compute(Raters, excludedRater: r);
            var incremental = MajorityVote.LeaveOut(all, Raters[r]);
            Assert.Equal(direct.VoteFraction, incremental.VoteFraction);
            Assert.Equal(direct.Consensus, incremental.Consensus);
            Assert.Equal(direct.Consensus, LeaveOneOutConsensus.Without(Raters, r));
        }
    }

    [Fact]
    public void Leave_one_out_ignores_the_left_out_rater()
    {
        // Without rater 1, voxel 1 is rater 0's call alone (+) and voxel 2 a 1-1 tie.
        Assert.Equal([true, true, false, false, false], LeaveOneOutConsensus.Without(Raters, 1));
    }

    [Fact]
    public void Disagreement_is_zero_when_unanimous_and_one_at_an_even_split()
    {
        var map = DisagreementMap.FromVotes(MajorityVote.Compute(Raters));
        Assert.Equal(0f, map[0]);
        Assert.Equal(1f, map[1]);
        Assert.Equal(2f / 3, map[2], 6);
        Assert.Equal(0f, map[3]);
    }

    [Fact]
    public void Multi_class_disagreement_normalises_by_the_class_count()
    {
        // Three raters, three classes: unanimous → 0; 1-1-1 → (1 − 1/3) / (1 − 1/3) = 1; 2-1 → (1/3) / (2/3).
        var labels = new List<int[]> { new[] { 0, 0, 1, -1 }, new[] { 0, 1, 1, -1 }, new[] { 0, 2, 2, -1 } };
        Assert.Equal([0f, 1f, 0.5f, 0f], DisagreementMap.FromClassLabels(labels, 3));
    }
}
