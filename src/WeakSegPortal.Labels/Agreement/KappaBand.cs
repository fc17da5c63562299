namespace WeakSegPortal.Core.Agreement;

/// <summary>Landis and Koch (1977) names for strength of agreement.</summary>
public enum KappaBand
{
    Poor,
    Slight,
    Fair,
    Moderate,
    Substantial,
    AlmostPerfect,
}
