namespace WeakSegPortal.Training.Losses;

/// <summary>Expected size of one class on one image, in pixels: from an anatomical prior, or 0..0 for a class tagged absent.</summary>
public sealed record SizeBounds(int Image, int ClassId, double Min, double Max);
