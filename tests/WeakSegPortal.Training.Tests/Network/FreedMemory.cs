using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Network;

/// <summary>Leaves NaN in freed heap memory, so that a later read of memory nobody wrote comes out as NaN instead of by chance.</summary>
internal static class FreedMemory
{
    public static void FillWithNaN()
    {
        var held = new List<Tensor>();
        for (long n = 16; n <= 1L << 21; n = n * 3 / 2 + 1)
        {
            for (var k = 0; k < 4; k++)
            {
                held.Add(full([n], float.NaN));
            }
        }
        foreach (var t in held)
        {
            t.Dispose();
        }
    }
}
