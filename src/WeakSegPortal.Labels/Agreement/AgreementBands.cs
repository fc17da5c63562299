namespace WeakSegPortal.Core.Agreement;

/// <summary>Names a κ or α value for people reading a report.</summary>
public static class AgreementBands
{
    /// <summary>
    /// Landis–Koch: &lt; 0 poor, 0–0.20 slight, 0.21–0.40 fair, 0.41–0.60 moderate, 0.61–0.80
    /// substantial, 0.81–1 almost perfect. The published bands are on two decimals, so a band
    /// starts just above the previous upper bound (0.205 is fair). NaN has no band and reads as poor.
    /// </summary>
    public static KappaBand LandisKoch(double kappa) => kappa switch
    {
        > 0.80 => KappaBand.AlmostPerfect,
        > 0.60 => KappaBand.Substantial,
        > 0.40 => KappaBand.Moderate,
        > 0.20 => KappaBand.Fair,
        >= 0 => KappaBand.Slight,
        _ => KappaBand.Poor,
    };

    public static AlphaReliability Krippendorff(double alpha) => alpha switch
    {
        >= 0.800 => AlphaReliability.Reliable,
        >= 0.667 => AlphaReliability.Tentative,
        _ => AlphaReliability.Unreliable,
    };
}
