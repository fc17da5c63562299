using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class FleissKappaTests
{
    // Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
    // Bulletin 76(5), 378–382, Table 1: 30 psychiatric patients, 6 diagnoses each, 5 categories
    // (depression, personality disorder, schizophrenia, neurosis, other). The paper reports
    // p_j = .144, .144, .167, .306, .239 and kappa = .430. Counts as transcribed from the table in
    // the quadagree R package's data_raw/fleiss1971.csv.
    private static readonly int[,] Fleiss1971Table1 =
    {
        { 0, 0, 0, 6, 0 }, { 0, 3, 0, 0, 3 }, { 0, 1, 4, 0, 1 }, { 0, 0, 0, 0, 6 }, { 0, 3, 0, 3, 0 },
        { 2, 0, 4, 0, 0 }, { 0, 0, 4, 0, 2 }, { 2, 0, 3, 1, 0 }, { 2, 0, 0, 4, 0 }, { 0, 0, 0, 0, 6 },
        { 1, 0, 0, 5, 0 }, { 1, 1, 0, 4, 0 }, { 0, 3, 3, 0, 0 }, { 1, 0, 0, 5, 0 }, { 0, 2, 0, 3, 1 },
        { 0, 0, 5, 0, 1 }, { 3, 0, 0, 1, 2 }, { 5, 1, 0, 0, 0 }, { 0, 2, 0, 4, 0 }, { 1, 0, 2, 0, 3 },
        { 0, 0, 0, 0, 6 }, { 0, 1, 0, 5, 0 }, { 0, 2, 0, 1, 3 }, { 2, 0, 0, 4, 0 }, { 1, 0, 0, 4, 1 },
        { 0, 5, 0, 1, 0 }, { 4, 0, 0, 0, 2 }, { 0, 2, 0, 4, 0 }, { 1, 0, 5, 0, 0 }, { 0, 0, 0, 0, 6 },
    };

    [Fact]
    public void Reproduces_the_worked_example_of_Fleiss_1971() =>
        Assert.Equal(0.430, FleissKappa.Compute(Fleiss1971Table1), precision: 3);

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
    public void Every_rating_in_one_category_is_undefined() =>
        Assert.True(double.IsNaN(FleissKappa.Compute(new[,] { { 3, 0 }, { 3, 0 } })));

    [Fact]
    public void Subjects_with_different_rating_counts_are_refused() =>
        Assert.Throws<ArgumentException>(() => FleissKappa.Compute(new[,] { { 3, 0 }, { 1, 1 } }));
}
