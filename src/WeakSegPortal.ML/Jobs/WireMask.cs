using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.ML.Jobs;

/// <summary>A binary slice mask on the wire: width, height and the run-length code of <see cref="MaskRle"/>.</summary>
public sealed record WireMask(int Width, int Height, int[] Counts)
{
    public static WireMask From(bool[] mask, int width, int height) => new(width, height, MaskRle.Encode(mask));

    public bool[] ToMask() => MaskRle.Decode(Counts, Width, Height);
}
