using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class AgreementBandsTests
{
    [Theory]
    [InlineData(-0.1, KappaBand.Poor)]
    [InlineData(0.0, KappaBand.Slight)]
    [InlineData(0.20, KappaBand.Slight)]
    [InlineData(0.21, KappaBand.Fair)]
    [InlineData(0.40, KappaBand.Fair)]
    [InlineData(0.41, KappaBand.Moderate)]
    [InlineData(0.61, KappaBand.Substantial)]
    [InlineData(0.80, KappaBand.Substantial)]
    [InlineData(0.81, KappaBand.AlmostPerfect)]
    [InlineData(1.0, KappaBand.AlmostPerfect)]
    [InlineData(double.NaN, KappaBand.Poor)]
    public void Landis_Koch_bands(double kappa, KappaBand expected) =>
        Assert.Equal(expected, AgreementBands.LandisKoch(kappa));

    [Theory]
    [InlineData(0.9, AlphaReliability.Reliable)]
    [InlineData(0.8, AlphaReliability.Reliable)]
    [InlineData(0.7, AlphaReliability.Tentative)]
    [InlineData(0.6, AlphaReliability.Unreliable)]
    public void Krippendorff_thresholds(double alpha, AlphaReliability expected) =>
        Assert.Equal(expected, AgreementBands.Krippendorff(alpha));
}
