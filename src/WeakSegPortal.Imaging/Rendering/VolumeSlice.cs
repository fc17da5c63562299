namespace WeakSegPortal.Imaging.Rendering;

/// <summary>
/// One plane of a volume in real units, row-major with x fastest; <see cref="IsInteger"/> when every
/// value is an exact Int16 (the volume stores Int16), which lets the raw encoding skip quantisation.
/// </summary>
public sealed record VolumeSlice(int Width, int Height, float[] Values, double SpacingX, double SpacingY, bool IsInteger);
