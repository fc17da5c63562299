using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class FleissKappaTests
{
    [Fact]
    public void Reproduces_the_worked_example_of_14_raters_on_10_subjects()
    {
        // Worked example of Wikipedia's "Fleiss' kappa" article (after Fleiss 1971, Psychological
        // Bulletin 76(5) 378-382): 14 raters put 10 subjects into 5 categories. The article gives
        // P̄ = 0.378, P̄_e = 0.213 and κ = 0.210.
        int[,] counts =
        {
            { 0, 0, 0, 0, 14 },
            { 0, 2, 6, 4, 2 },
            { 0, 0, 3, 5, 6 },
            { 0, 3, 9, 2, 0 },
            { 2, 2, 8, 1, 1 },
            { 7, 7, 0, 0, 0 },
            { 3, 2, 6, 3, 0 },
            { 2, 5, 3, 2, 2 },
            { 6, 5, 2, 1, 0 },
            { 0, 2, 2, 3, 7 },
        };
        Assert.Equal(0.210, FleissKappa.Compute(counts), 3);
    }

    [Fact]
    public void Unanimous_subjects_in_different_categories_agree_fully() =>
        Assert.Equal(1.0, FleissKappa.Compute(new[,] { { 3, 0 }, { 0, 3 } }), 12);

    [Fact]
    public void Subjects_with_different_rating_counts_are_refused() =>
        Assert.Throws<ArgumentException>(() => FleissKappa.Compute(new[,] { { 3, 0 }, { 1, 1 } }));
}
