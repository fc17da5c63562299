namespace WeakSegPortal.ML.Suggestions;

/// <summary>The engine implementations; each registration names one, and the engine tests declare which they cover.</summary>
public static class EngineKinds
{
    public const string GrabCutBox = "grabcut-box";
    public const string GrabCutSeeded = "grabcut-seeded";
    public const string SamOnnx = "sam-onnx";

    /// <summary>A project's promoted U-Net (ProjectModels/ProjectModelEngine): loaded per model version by the worker, not registered at start.</summary>
    public const string ProjectModel = "project-model";
}
