using WeakSegPortal.ML.ProjectModels;

namespace WeakSegPortal.ML.Tests.ProjectModels;

public sealed class BilinearTests
{
    [Fact]
    public void Resampling_keeps_pixel_centres_aligned()
    {
        // A 4-pixel ramp 0, 1, 2, 3 halved: pixel centres 0.5 and 2.5 of the source.
        Assert.Equal([0.5f, 2.5f], Bilinear.Resample([0, 1, 2, 3], 4, 1, 2, 1));
        // Doubled: centres at −0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1) of a 0, 1 ramp.
        Assert.Equal([0f, 0.25f, 0.75f, 1f], Bilinear.Resample([0, 1], 2, 1, 4, 1));
    }
}
