namespace WeakSegPortal.Training.Simulation;

/// <summary>Which scanner the synthetic intensities imitate.</summary>
public enum SimulatedModality
{
    /// <summary>Hounsfield-like values (air −1000, soft tissue 40, enhanced organs 100–180), windowed 40/400 to [0, 1]; little bias field.</summary>
    Ct,

    /// <summary>Arbitrary units in [0, 1] with organ contrast of either sign and a strong multiplicative bias field.</summary>
    Mr,
}
