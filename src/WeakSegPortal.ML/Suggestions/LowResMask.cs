namespace WeakSegPortal.ML.Suggestions;

/// <summary>A decoder's low-resolution mask logits (Size × Size, row-major), fed back as SAM's mask_input to refine.</summary>
public sealed record LowResMask(int Size, float[] Logits)
{
    public long Bytes => Logits.LongLength * sizeof(float);
}
