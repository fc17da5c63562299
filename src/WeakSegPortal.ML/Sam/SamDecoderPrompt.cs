namespace WeakSegPortal.ML.Sam;

/// <summary>The decoder's prompt tensors: point_coords [1, N, 2] in the encoder's input frame and point_labels [1, N].</summary>
public sealed record SamDecoderPrompt(float[] Coords, float[] Labels)
{
    public int Count => Labels.Length;
}
