using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class SignedDistanceMapTests
{
    [Fact]
    public void Inside_is_negative_and_outside_positive_in_millimetres()
    {
        var grid = Grid.Planar(8, 1, spacingX: 2);
        var signed = SignedDistanceMap.Compute(MaskPicture.Mask("..####.."), grid);
        Assert.Equal([4, 2, -2, -4, -4, -2, 2, 4], signed);
    }

    [Fact]
    public void Empty_mask_is_infinitely_far_everywhere() =>
        Assert.All(SignedDistanceMap.Compute(new bool[4], Grid.Planar(4, 1)), d => Assert.True(double.IsPositiveInfinity(d)));
}
