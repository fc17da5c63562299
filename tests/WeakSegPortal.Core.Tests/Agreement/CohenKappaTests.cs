using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class CohenKappaTests
{
    [Fact]
    public void Reproduces_the_textbook_grant_proposal_example()
    {
        // Wikipedia "Cohen's kappa", worked example: 50 proposals read by A and B; both yes 20,
        // A yes/B no 5, A no/B yes 10, both no 15. p_o = 0.7, p_e = 0.5, κ = 0.4.
        int[,] table = { { 20, 5 }, { 10, 15 } };
        Assert.Equal(0.4, CohenKappa.FromTable(table), 12);
    }

    [Fact]
    public void Paired_ratings_give_the_same_kappa_as_their_table()
    {
        var a = Enumerable.Repeat(0, 25).Concat(Enumerable.Repeat(1, 25)).ToArray();
        var b = Enumerable.Repeat(0, 20).Concat(Enumerable.Repeat(1, 5))
            .Concat(Enumerable.Repeat(0, 10)).Concat(Enumerable.Repeat(1, 15)).ToArray();
        Assert.Equal(0.4, CohenKappa.Compute(a, b), 12);
    }

    [Fact]
    public void Units_rated_by_only_one_rater_are_left_out()
    {
        var a = new[] { 0, 1, 0, 1, -1, 1 };
        var b = new[] { 0, 1, 0, 1, 0, -1 };
        Assert.Equal(1.0, CohenKappa.Compute(a, b));
    }

    [Fact]
    public void Systematic_disagreement_is_negative() =>
        Assert.Equal(-1.0, CohenKappa.Compute([0, 1, 0, 1], [1, 0, 1, 0]), 12);

    [Fact]
    public void One_shared_category_throughout_is_undefined_not_one_or_zero() =>
        Assert.True(double.IsNaN(CohenKappa.Compute([1, 1, 1], [1, 1, 1])));
}
