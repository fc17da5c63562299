using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class StapleConsensusTests
{
    private static readonly (double P, double Q)[] Known = [(0.95, 0.98), (0.90, 0.99), (0.85, 0.97), (0.80, 0.95)];

    [Fact]
    public void Recovers_the_sensitivity_and_specificity_of_simulated_raters()
    {
        var random = new Random(2004);
        var truth = RaterSimulation.Truth(60_000, 0.3, random);
        var raters = Known.Select(k => RaterSimulation.Rater(truth, k.P, k.Q, random)).ToList();
        var result = StapleConsensus.Estimate(raters);
        Assert.True(result.Converged);
        for (var r = 0; r < Known.Length; r++)
        {
            Assert.InRange(result.Sensitivity[r], Known[r].P - 0.02, Known[r].P + 0.02);
            Assert.InRange(result.Specificity[r], Known[r].Q - 0.02, Known[r].Q + 0.02);
        }

        Assert.True(Overlap.Dice(result.Consensus, truth) > 0.97);
    }

    [Fact]
    public void Coin_flip_rater_gets_no_weight()
    {
        var random = new Random(7);
        var truth = RaterSimulation.Truth(60_000, 0.3, random);
        var raters = Known.Select(k => RaterSimulation.Rater(truth, k.P, k.Q, random)).ToList();
        raters.Add(RaterSimulation.Rater(truth, 0.5, 0.5, random));
        var result = StapleConsensus.Estimate(raters);

        // A rater's vote moves the posterior by log(p / (1 − q)); p + q − 1 ≈ 0 makes that ≈ 0.
        Assert.InRange(result.Sensitivity[4] + result.Specificity[4] - 1, -0.03, 0.03);
        for (var r = 0; r < Known.Length; r++)
        {
            Assert.True(result.Sensitivity[r] + result.Specificity[r] - 1 > 0.7);
        }

        var withoutCoin = StapleConsensus.Estimate(raters.Take(4).ToList());
        Assert.Equal(withoutCoin.Consensus.Zip(truth).Count(x => x.First == x.Second),
            result.Consensus.Zip(truth).Count(x => x.First == x.Second), (double)truth.Length / 500);
    }

    [Fact]
    public void Unknown_voxels_are_missing_data_not_background()
    {
        // Two raters label only 40% of voxels; read as background, their sensitivity would fall to ≈ 0.4.
        var random = new Random(42);
        var truth = RaterSimulation.Truth(80_000, 0.3, random);
        var raters = Known.Select((k, r) => RaterSimulation.Rater(truth, k.P, k.Q, random, r < 2 ? 0.4 : 1)).ToList();
        var result = StapleConsensus.Estimate(raters);
        for (var r = 0; r < Known.Length; r++)
        {
            Assert.InRange(result.Sensitivity[r], Known[r].P - 0.02, Known[r].P + 0.02);
            Assert.InRange(result.Specificity[r], Known[r].Q - 0.02, Known[r].Q + 0.02);
        }
    }

    [Fact]
    public void Voxel_nobody_labelled_keeps_the_prior()
    {
        var raters = new List<byte[]> { MaskPicture.States("##..?"), MaskPicture.States("#...?") };
        var result = StapleConsensus.Estimate(raters);
        // Prior: 3 positive decisions out of 8.
        Assert.Equal(0.375, result.Prior, 12);
        Assert.Equal(0.375f, result.Posterior[4], 5);
        Assert.False(result.Consensus[4]);
        Assert.True(result.Consensus[0]);
        Assert.False(result.Consensus[3]);
    }

    [Fact]
    public void Unanimous_raters_give_a_certain_consensus()
    {
        var mask = MaskPicture.States("##..#.");
        var result = StapleConsensus.Estimate([mask, mask, mask]);
        Assert.Equal(LabelMasks.Positives(mask), result.Consensus);
        Assert.All(result.Posterior, w => Assert.True(w < 1e-6 || w > 1 - 1e-6));
    }

    [Fact]
    public void Many_raters_do_not_underflow_or_overflow_the_pattern_table()
    {
        // 60 raters: 3^60 patterns fit neither a table nor a 64-bit code, and a product of 60
        // likelihoods is tiny outside log space. Rater 0 disagrees with the others on voxels 1 and 2.
        var raters = Enumerable.Range(0, 60).Select(r => MaskPicture.States(r == 0 ? "#.#?" : "##.?")).ToList();
        var result = StapleConsensus.Estimate(raters);

        // Voxel 3 nobody labelled keeps the prior, 120 positive decisions of 180, so it reads as foreground.
        Assert.Equal(2.0 / 3, result.Prior, 12);
        Assert.Equal([true, true, false, true], result.Consensus);
        Assert.True(result.Sensitivity[0] < result.Sensitivity[1]);
    }

    [Fact]
    public void Raters_must_cover_the_same_voxels() =>
        Assert.Throws<ArgumentException>(() => StapleConsensus.Estimate([new byte[3], new byte[4]]));
}
