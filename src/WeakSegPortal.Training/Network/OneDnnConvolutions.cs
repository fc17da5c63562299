using System.Runtime.InteropServices;

namespace WeakSegPortal.Training.Network;

/// <summary>Turns libtorch's oneDNN (MKLDNN) kernels off, process-wide, as <c>torch.backends.mkldnn.enabled = False</c> does in Python.</summary>
/// <remarks>
/// Why: with libtorch-cpu 2.10 on an AVX-512 CPU, a convolution with fewer output channels than oneDNN's 16-channel block
/// (8 here) stores the gradient of its output in a channel-padded blocked layout ("aBcd16b", padded) whose padding is left
/// as uninitialised heap memory; the backward-data kernel multiplies that padding by zero weights. Finite leftovers give
/// 0 and the right answer; a leftover NaN or ∞ gives NaN (0·NaN), and the NaN flows back into every earlier layer's
/// gradient while the loss stays finite. Fresh heap memory (the first training step of a process) is where such
/// leftovers live, hence "now and then, on the first step only". TorchSharp 0.107 exposes no switch for this, so the two
/// exported libtorch functions behind Python's switch are called directly: <c>at::globalContext()</c> and
/// <c>at::Context::setUserEnabledMkldnn(bool)</c> (a member function: the context is its first argument).
/// Convolutions then run on libtorch's own kernels (im2col and GEMM), which write every element they read.
/// </remarks>
public static class OneDnnConvolutions
{
    private static readonly Lazy<bool> Disabled = new(() =>
    {
        _ = TorchSharp.torch.get_num_threads(); // loads libtorch first: the functions below live in it
        SetUserEnabledMkldnn(GlobalContext(), enabled: false);
        return true;
    });

    /// <summary>Turns oneDNN off once per process; idempotent and safe from any thread.</summary>
    public static void Disable() => _ = Disabled.Value;

    [DllImport("libtorch_cpu.so", EntryPoint = "_ZN2at13globalContextEv", ExactSpelling = true)]
    private static extern IntPtr GlobalContext();

    [DllImport("libtorch_cpu.so", EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb", ExactSpelling = true)]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}
