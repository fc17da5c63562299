using System.Runtime.CompilerServices;

// libtorch state is process-wide (thread count, generator): test classes share it, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace WeakSegPortal.Training.Tests;

internal static class TestAssembly
{
    /// <summary>One libtorch thread for the whole test run, set before any torch call.</summary>
    /// <remarks>On 2 busy shared cores, two threads spinning at barriers made a training step ten times slower.</remarks>
    [ModuleInitializer]
    internal static void UseOneTorchThread() => TorchSharp.torch.set_num_threads(1);
}
