namespace WeakSegPortal.ML.Sam;

/// <summary>
/// One family's input conventions (WEAK-SUPERVISION.md): SAM and MobileSAM resize the long side to 1024, keep the
/// aspect ratio, normalise by ImageNet mean/std and pad bottom/right; MedSAM squashes to 1024² and min–max scales to
/// [0, 1], box prompts only; SAM-Med2D squashes to 256² with SAM's mean/std, embeddings 16², mask_input 64².
/// Families that squash get orig_im_size = their square frame, and the engine resizes the masks to the slice itself.
/// </summary>
public sealed record SamFamilyProfile(
    SamFamily Family, int InputSize, bool KeepsAspectRatio, bool MinMaxScaled, int EmbeddingSize, int MaskInputSize, bool BoxOnly)
{
    public static IReadOnlyList<float> PixelMean { get; } = [123.675f, 116.28f, 103.53f];

    public static IReadOnlyList<float> PixelStd { get; } = [58.395f, 57.12f, 57.375f];

    public const int EmbeddingChannels = 256;

    public static SamFamilyProfile For(SamFamily family) => family switch
    {
        SamFamily.Sam => new(family, 1024, KeepsAspectRatio: true, MinMaxScaled: false, 64, 256, BoxOnly: false),
        SamFamily.MobileSam => new(family, 1024, KeepsAspectRatio: true, MinMaxScaled: false, 64, 256, BoxOnly: false),
        SamFamily.MedSam => new(family, 1024, KeepsAspectRatio: false, MinMaxScaled: true, 64, 256, BoxOnly: true),
        SamFamily.SamMed2D => new(family, 256, KeepsAspectRatio: false, MinMaxScaled: false, 16, 64, BoxOnly: false),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown SAM family."),
    };
}
