namespace WeakSegPortal.Training.Simulation;

/// <summary>What a synthetic organ phantom looks like: size, slices, modality, noise, bias field and how often an organ is missing.</summary>
/// <param name="Width">Pixels across (a multiple of 8 suits a U-Net of depth 4).</param>
/// <param name="Height">Pixels down.</param>
/// <param name="Slices">1 for a 2D image; more for a slice stack in which each organ is an ellipsoid-like body.</param>
/// <param name="NoiseSigma">Gaussian noise in [0, 1] intensity units (CT: 0.03 ≈ 12 HU in a 400 HU window).</param>
/// <param name="BiasStrength">Largest deviation of the smooth multiplicative bias field from 1 (MR ≈ 0.3, CT ≈ 0.05).</param>
/// <param name="AbsenceRate">Chance that an organ is left out of an item (its tag is then "absent").</param>
public sealed record PhantomOptions(
    int Width = 64,
    int Height = 64,
    int Slices = 1,
    SimulatedModality Modality = SimulatedModality.Ct,
    double NoiseSigma = 0.03,
    double BiasStrength = 0.05,
    double AbsenceRate = 0)
{
    /// <summary>Classes including background: 0 background, 1 a large lobed organ (liver-like), 2 a small round one (kidney-like).</summary>
    public const int Classes = 3;

    /// <summary>MR-like defaults: stronger noise and bias field.</summary>
    public static PhantomOptions MrLike(int width = 64, int height = 64, int slices = 1) =>
        new(width, height, slices, SimulatedModality.Mr, NoiseSigma: 0.04, BiasStrength: 0.3);

    public void Validate()
    {
        if (Width < 16 || Height < 16) throw new ArgumentOutOfRangeException(nameof(Width), $"{Width}×{Height}", "phantoms are at least 16×16");
        if (Slices < 1) throw new ArgumentOutOfRangeException(nameof(Slices), Slices, "at least one slice");
        if (NoiseSigma < 0 || BiasStrength is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(NoiseSigma), "noise ≥ 0 and bias field strength in [0, 1)");
        if (AbsenceRate is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(AbsenceRate), AbsenceRate, "a probability");
    }
}
