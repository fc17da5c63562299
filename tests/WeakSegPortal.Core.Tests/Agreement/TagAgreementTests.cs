using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class TagAgreementTests
{
    [Fact]
    public void Identical_tags_with_both_values_agree_fully()
    {
        var tags = new WeakLabels { Tags = [new Tag(1, true), new Tag(2, false)] };
        var (alpha, kappa) = TagAgreement.Compute([tags, tags]);
        Assert.Equal(1.0, alpha.Value!.Value, 12);
        Assert.Equal(1.0, kappa.Value!.Value, 12);
        Assert.Equal(1.0, alpha.PercentAgreement);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void When_every_rating_is_the_same_alpha_and_kappa_are_undefined_with_full_percent_agreement(bool present)
    {
        // The kappa paradox: chance agreement is 1, so κ and α are 0/0 — neither 0 nor 1.
        var tags = new WeakLabels { Tags = [new Tag(1, present), new Tag(1, present, 3)] };
        var result = TagAgreement.Compute([tags, tags]);
        foreach (var statistic in new[] { result.Alpha, result.MeanKappa })
        {
            Assert.False(statistic.IsDefined);
            Assert.Null(statistic.Value);
            Assert.Equal("undefined: all ratings identical", statistic.UndefinedReason);
            Assert.Equal(1.0, statistic.PercentAgreement);
        }

        Assert.Equal(1.0, result.ScoreComponent());
    }

    [Fact]
    public void Percent_agreement_counts_agreeing_pairs_of_ratings()
    {
        var a = new WeakLabels { Tags = [new Tag(1, true), new Tag(2, true)] };
        var b = new WeakLabels { Tags = [new Tag(1, true), new Tag(2, false)] };
        var result = TagAgreement.Compute([a, b]);
        Assert.Equal(0.5, result.Alpha.PercentAgreement);
        Assert.True(result.Alpha.IsDefined);
    }

    [Fact]
    public void Untagged_units_are_missing_not_absent()
    {
        // Same as the two-coder binary case of KrippendorffAlphaTests, with a third annotator tagging
        // nothing and a fourth tagging one unit only: neither changes α.
        var a = new WeakLabels { Tags = [new Tag(1, false), new Tag(2, false), new Tag(3, true), new Tag(4, true)] };
        var b = new WeakLabels { Tags = [new Tag(1, false), new Tag(2, true), new Tag(3, true), new Tag(4, true)] };
        var lone = new WeakLabels { Tags = [new Tag(5, true)] };
        var (alpha, _) = TagAgreement.Compute([a, b, WeakLabels.Empty, lone]);
        Assert.Equal(1 - 14.0 / 30, alpha.Value!.Value, 12);
    }

    [Fact]
    public void No_tags_means_nothing_to_measure()
    {
        var (alpha, kappa) = TagAgreement.Compute([WeakLabels.Empty, WeakLabels.Empty]);
        Assert.Equal(AgreementStatistic.None, alpha);
        Assert.Equal(AgreementStatistic.NothingPaired, kappa.UndefinedReason);
        Assert.True(double.IsNaN(TagAgreement.Compute([WeakLabels.Empty]).ScoreComponent()));
    }
}
