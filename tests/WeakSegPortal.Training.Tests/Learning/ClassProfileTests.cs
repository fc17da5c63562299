using WeakSegPortal.Training.Learning;

namespace WeakSegPortal.Training.Tests.Learning;

public class ClassProfileTests
{
    private static ActivationComponent Piece(int pixels, double intensity) => new(Enumerable.Range(0, pixels).ToArray(), intensity);

    [Fact]
    public void A_profile_is_the_mean_and_spread_of_its_pieces_intensity_and_log_area()
    {
        // Intensities 0.6 and 0.8: mean 0.7, spread 0.1. Areas 10 and 40: log mean ln 20, spread ln 4 / 2 = 0.6931.
        var profile = ClassProfile.From([Piece(10, 0.6), Piece(40, 0.8)]);

        Assert.Equal(0.7, profile.Intensity, 9);
        Assert.Equal(0.1, profile.IntensitySpread, 9);
        Assert.Equal(Math.Log(20), profile.LogArea, 9);
        Assert.Equal(Math.Log(4) / 2, profile.LogAreaSpread, 9);
        // A 20-pixel piece at 0.9: 2 spreads in intensity, 0 in area → squared distance 4.
        Assert.Equal(2, profile.IntensityScore(Piece(20, 0.9)), 9);
        Assert.Equal(4, profile.Distance(Piece(20, 0.9)), 9);
    }

    [Fact]
    public void A_profile_from_one_piece_takes_the_floor_spreads()
    {
        var profile = ClassProfile.From([Piece(30, 0.85)]);

        Assert.Equal((0.85, ClassProfile.IntensityFloor, Math.Log(30), ClassProfile.LogAreaFloor),
            (profile.Intensity, profile.IntensitySpread, profile.LogArea, profile.LogAreaSpread));
        // 0.75 is 0.1 / 0.05 = 2 spreads away; 30 → 60 px is ln 2 / 0.3 = 2.3105 spreads: distance 4 + 5.3383.
        Assert.Equal(4 + Math.Pow(Math.Log(2) / 0.3, 2), profile.Distance(Piece(60, 0.75)), 9);
    }
}
