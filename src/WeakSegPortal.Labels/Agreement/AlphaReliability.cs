namespace WeakSegPortal.Core.Agreement;

/// <summary>Krippendorff's reading of α: reliable from 0.800, tentative conclusions from 0.667.</summary>
public enum AlphaReliability
{
    Unreliable,
    Tentative,
    Reliable,
}
