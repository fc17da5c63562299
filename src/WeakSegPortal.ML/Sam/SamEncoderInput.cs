namespace WeakSegPortal.ML.Sam;

/// <summary>The encoder's input tensor [1, 3, S, S] (channel-major) and where the slice sits in it.</summary>
public sealed record SamEncoderInput(float[] Pixels, SamFrame Frame);
