namespace WeakSegPortal.ML.Sam;

/// <summary>The SAM-family exports we know how to feed; each has its own preprocessing (see <see cref="SamFamilyProfile"/>).</summary>
public enum SamFamily
{
    Sam,
    MobileSam,
    MedSam,
    SamMed2D,
}
