using System.Runtime.CompilerServices;

namespace WeakSegPortal.ML.Propagation;

/// <summary>
/// The propagation loop, one place for the web app and the tests: from the object's mask on the start slice, each next
/// slice is asked of an engine with the previous slice's mask as the prompt (<paramref name="step"/>), one direction
/// after the other (up, then down), and each direction stops at the first slice <see cref="PropagationStop"/> refuses
/// or at the range's end. The step gives the slice's values with the engine's answer, so the rule can compare the mask's
/// intensity with the start slice's object (<paramref name="startValues"/> under <paramref name="startMask"/>). Steps are yielded as they come, so the caller can show them slice by slice.
/// </summary>
public static class SlicePropagation
{
    /// <param name="startValues">The start slice's raw values (as the engines see them), the same size as <paramref name="startMask"/>.</param>
    /// <param name="step">(slice, the previous slice's index, its mask) → the engine's answer, its mask (null when it gave none) and the slice's raw values.</param>
    public static async IAsyncEnumerable<PropagationStep<TAnswer>> RunAsync<TAnswer>(
        PropagationRange range, bool[] startMask, float[] startValues,
        Func<int, int, bool[], CancellationToken, Task<(TAnswer Answer, bool[]? Mask, float[] Values)>> step,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(startMask);
        ArgumentNullException.ThrowIfNull(step);
        var start = MaskIntensity.Of(startMask, startValues) ?? throw new ArgumentException("The start mask has no set pixels.", nameof(startMask));
        foreach (var direction in new[] { +1, -1 })
        {
            if (direction > 0 ? !range.Up : !range.Down)
            {
                continue;
            }
            var previous = startMask;
            foreach (var (slice, from) in range.Walk(direction))
            {
                ct.ThrowIfCancellationRequested();
                var (answer, mask, values) = await step(slice, from, previous, ct);
                var stop = PropagationStop.Reason(previous, mask, start, values);
                yield return new PropagationStep<TAnswer>(slice, from, direction, answer, stop is null ? mask : null, stop);
                if (stop is not null)
                {
                    break;
                }
                previous = mask!;
            }
        }
    }
}
