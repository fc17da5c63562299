namespace WeakSegPortal.ML.Sam;

/// <summary>
/// How a slice (Width × Height) sits in the encoder's square input: resized to ResizedWidth × ResizedHeight at
/// the top-left, the rest padding. Prompt coordinates scale like SAM's ResizeLongestSide.apply_coords (x · new/old).
/// </summary>
public sealed record SamFrame(int Width, int Height, int InputSize, int ResizedWidth, int ResizedHeight)
{
    public static SamFrame For(SamFamilyProfile profile, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.KeepsAspectRatio)
        {
            return new SamFrame(width, height, profile.InputSize, profile.InputSize, profile.InputSize);
        }

        var scale = (double)profile.InputSize / Math.Max(width, height);
        return new SamFrame(width, height, profile.InputSize,
            (int)Math.Floor((width * scale) + 0.5), (int)Math.Floor((height * scale) + 0.5));
    }

    public (float X, float Y) ToInput(double x, double y) =>
        ((float)(x * ResizedWidth / Width), (float)(y * ResizedHeight / Height));
}
