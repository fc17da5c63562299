using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class TagAgreementTests
{
    [Fact]
    public void Identical_tags_agree_fully()
    {
        var tags = new WeakLabels { Tags = [new Tag(1, true), new Tag(2, false)] };
        var (alpha, kappa) = TagAgreement.Compute([tags, tags]);
        Assert.Equal(1.0, alpha, 12);
        Assert.Equal(1.0, kappa, 12);
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
        Assert.Equal(1 - 14.0 / 30, alpha, 12);
    }

    [Fact]
    public void No_tags_means_nothing_to_measure()
    {
        var (alpha, kappa) = TagAgreement.Compute([WeakLabels.Empty, WeakLabels.Empty]);
        Assert.True(double.IsNaN(alpha));
        Assert.True(double.IsNaN(kappa));
    }
}
