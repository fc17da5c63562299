namespace WeakSegPortal.Imaging.Raster;

/// <summary>A decoded 2D image as one grey (or luminance) value per pixel, x fastest.</summary>
internal sealed record RasterImage(int Width, int Height, float[] Values, string Format, int SamplesPerPixel, bool IsInteger);
