namespace WeakSegPortal.Imaging.Rendering;

/// <summary>A decoded raw slice: samples as stored, and the rescale that gives real values (value = sample·slope + intercept).</summary>
public sealed record RawSlice(int Width, int Height, RawSampleType SampleType, double Slope, double Intercept, float SpacingX, float SpacingY, int[] Samples)
{
    public double ValueAt(int x, int y) => (Samples[(y * Width) + x] * Slope) + Intercept;
}
