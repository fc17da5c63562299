namespace WeakSegPortal.Training;

/// <summary>Which libtorch this build references: the MSBuild property TorchBackend (cpu by default, cuda for GPU images).</summary>
public static class TorchBackend
{
#if TORCH_CUDA
    public const string Built = "cuda";
#else
    public const string Built = "cpu";
#endif

    /// <summary>True when this build references the CUDA libtorch (and so means to train on a GPU).</summary>
    public static bool BuiltForCuda => Built == "cuda";
}
