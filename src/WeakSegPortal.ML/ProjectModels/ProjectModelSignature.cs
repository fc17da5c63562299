namespace WeakSegPortal.ML.ProjectModels;

/// <summary>
/// The inputs and outputs of a project model's ONNX file, written by the exporter (Training/Export/UNetOnnxExport.cs) and
/// checked by the engine that serves it: one float input [batch, channels, height, width] (the slice and its neighbours,
/// windowed to [0, 1]) and per-pixel class probabilities [batch, classes, height, width]; batch, height and width are free.
/// </summary>
public static class ProjectModelSignature
{
    public const string Input = "image";

    public const string Probabilities = "probabilities";

    /// <summary>The tag head's per-tag probabilities [batch, tags] (sigmoid), present only when the network has one.</summary>
    public const string TagProbabilities = "tag_probabilities";

    public const string Batch = "batch";

    public const string Height = "height";

    public const string Width = "width";
}
