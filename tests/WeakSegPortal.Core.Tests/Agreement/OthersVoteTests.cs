using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class OthersVoteTests
{
    [Fact]
    public void Fused_pass_matches_leave_out_then_labelled_dice()
    {
        var random = new Random(19);
        var raters = Enumerable.Range(0, 5)
            .Select(_ => Enumerable.Range(0, 5_000).Select(_ => (byte)random.Next(3)).ToArray())
            .ToList();
        var all = MajorityVote.Compute(raters);
        var (consensus, voters) = (new bool[5_000], new byte[5_000]);
        for (var r = 0; r < raters.Count; r++)
        {
            var reference = MajorityVote.LeaveOut(all, raters[r]);
            var fused = OthersVote.Of(all, raters[r], consensus, voters);
            Assert.Equal(reference.Consensus, fused.Consensus);
            Assert.Equal(reference.Voters, fused.Voters);
            Assert.Equal(Overlap.LabelledDice(raters[r], reference.ToStates()), fused.RaterDice, 12);
        }
    }
}
