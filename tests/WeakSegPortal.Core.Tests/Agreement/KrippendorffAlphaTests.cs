using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class KrippendorffAlphaTests
{
    [Fact]
    public void Reproduces_the_published_nominal_example_with_missing_values()
    {
        // Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: 4 observers,
        // 12 units, values 1-5, missing data; nominal α = 0.743. The same matrix ships as the "C" data
        // in R's irr::kripp.alpha and DescTools::KrippAlpha examples, which we checked it against.
        int?[,] ratings =
        {
            { 1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null },
            { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, null },
            { null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 3 },
            { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null },
        };
        Assert.Equal(0.743, KrippendorffAlpha.Nominal(ratings), 3);
    }

    [Fact]
    public void Perfect_agreement_with_missing_ratings_is_one()
    {
        int?[,] ratings = { { 1, 2, null }, { 1, null, 3 }, { 1, 2, 3 } };
        Assert.Equal(1.0, KrippendorffAlpha.Nominal(ratings), 12);
    }

    [Fact]
    public void Units_rated_once_cannot_be_paired()
    {
        int?[,] ratings = { { 1, null }, { null, 2 } };
        Assert.True(double.IsNaN(KrippendorffAlpha.Nominal(ratings)));
    }

    [Fact]
    public void Two_coders_on_a_binary_table_match_the_hand_computation()
    {
        // Units (0,0) (0,1) (1,1) (1,1): o01 = o10 = 1, o00 = 2, o11 = 4; n0 = 3, n1 = 5, n = 8.
        // α = 1 − (n − 1)·(o01 + o10) / (2·n0·n1) = 1 − 7·2 / 30.
        int?[,] ratings = { { 0, 0, 1, 1 }, { 0, 1, 1, 1 } };
        Assert.Equal(1 - 14.0 / 30, KrippendorffAlpha.Nominal(ratings), 12);
    }

    [Fact]
    public void One_value_throughout_is_undefined()
    {
        int?[,] ratings = { { 1, 1, null }, { 1, 1, 1 } };
        Assert.True(double.IsNaN(KrippendorffAlpha.Nominal(ratings)));
    }
}
