namespace WeakSegPortal.Core.Training;

/// <summary>How unsure a model is about an item: its mean per-pixel predictive entropy, normalised to 0–1.</summary>
public sealed record ItemUncertainty(Guid ItemId, double Uncertainty);
