using static TorchSharp.torch;

namespace WeakSegPortal.Training.Network;

/// <summary>Builds a U-Net input for one slice of a stack: the slice and its neighbours as channels (2.5D).</summary>
/// <remarks>Beyond the first or last slice the edge slice repeats, so every slice gets the same number of channels.</remarks>
public static class SliceStackInput
{
    /// <summary>[1 + 2·neighbours, height, width] from a stack stored x fastest, then y, then slice.</summary>
    public static Tensor Channels(float[] stack, int width, int height, int slices, int slice, int neighbours)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (stack.Length != width * height * slices)
        {
            throw new ArgumentException($"Expected {width}×{height}×{slices} values, got {stack.Length}.", nameof(stack));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(neighbours);
        if ((uint)slice >= (uint)slices)
        {
            throw new ArgumentOutOfRangeException(nameof(slice), slice, $"the stack has {slices} slices");
        }
        var size = width * height;
        var channels = new float[(1 + 2 * neighbours) * size];
        for (var c = 0; c <= 2 * neighbours; c++)
        {
            var source = Math.Clamp(slice + c - neighbours, 0, slices - 1);
            Array.Copy(stack, source * size, channels, c * size, size);
        }
        using var borrowed = tensor(channels, [1 + 2 * neighbours, height, width]);
        return borrowed.clone(); // libtorch's own copy: the array is garbage once this returns (see TrainingBatch)
    }
}
