namespace WeakSegPortal.ML.Sam;

/// <summary>One configured SAM-family model: its family (preprocessing), encoder and decoder ONNX files, and an optional version label.</summary>
public sealed record SamModelOptions(SamFamily Family, string EncoderPath, string DecoderPath)
{
    /// <summary>Recorded in provenance; by default the first 12 hex digits of the SHA-256 of both files.</summary>
    public string? Version { get; init; }
}
