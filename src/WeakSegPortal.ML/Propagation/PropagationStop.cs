namespace WeakSegPortal.ML.Propagation;

/// <summary>
/// Where a propagation stops (docs/suggestion-protocol.md, "Propagation"): the slice's proposed mask is compared with
/// the previous slice's, and its pixels with the start slice's object, and the first rule that holds ends the run in that
/// direction (the slice is not proposed):
/// <list type="number">
/// <item>the engine gave no mask, or fewer than <see cref="MinimumPixels"/> pixels: the object has ended;</item>
/// <item>the area fell below <see cref="MinimumAreaRatio"/> of the previous slice's: it collapsed;</item>
/// <item>the area rose above <see cref="MaximumAreaRatio"/> of the previous slice's: it leaked into a neighbour;</item>
/// <item>Dice against the previous slice's mask fell below <see cref="MinimumDice"/>: it jumped to something else;</item>
/// <item>the mask's median intensity moved from the start slice's object's by more than <see cref="MaximumIntensityShift"/> ×
/// that object's spread (<see cref="MaskIntensity"/>): most of the mask is something else now. This catches a gradual
/// hand-over to a touching neighbour of another intensity (the demo CT's liver to the right kidney on coronal slices: 60 vs
/// 150 HU), which moves only a little from one slice to the next and so passes the rules above. The start slice, not the
/// previous one, is the reference, so the drift adds up. When the object's spread is 0 (a flat object) any move stops.</item>
/// </list>
/// </summary>
public static class PropagationStop
{
    public const int MinimumPixels = 16;
    public const double MinimumAreaRatio = 0.35;
    public const double MaximumAreaRatio = 2.5;
    public const double MinimumDice = 0.5;
    public const double MaximumIntensityShift = 3;

    /// <summary>
    /// Null when <paramref name="next"/> (on a slice of <paramref name="values"/>) continues the object of <paramref name="previous"/>
    /// and of the start slice (<paramref name="start"/>: its intensity there), else the sentence saying why the run stops.
    /// </summary>
    public static string? Reason(bool[] previous, bool[]? next, MaskIntensity start, float[] values)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(values);
        if (next is null)
        {
            return "The engine gave no mask here.";
        }
        if (next.Length != previous.Length)
        {
            throw new ArgumentException("Both masks must be of one slice size.", nameof(next));
        }
        var (before, after, both) = (0, 0, 0);
        for (var n = 0; n < next.Length; n++)
        {
            before += previous[n] ? 1 : 0;
            after += next[n] ? 1 : 0;
            both += previous[n] && next[n] ? 1 : 0;
        }
        if (after < MinimumPixels)
        {
            return after == 0 ? "The object ends here: the mask is empty." : $"The object ends here: the mask has {after} pixels (fewer than {MinimumPixels}).";
        }
        var ratio = before == 0 ? double.PositiveInfinity : (double)after / before;
        if (ratio < MinimumAreaRatio)
        {
            return $"The area collapsed to {ratio:P0} of the previous slice's (below {MinimumAreaRatio:P0}).";
        }
        if (ratio > MaximumAreaRatio)
        {
            return $"The area grew to {ratio:P0} of the previous slice's (above {MaximumAreaRatio:P0}): it leaked.";
        }
        var dice = 2.0 * both / (before + after);
        if (dice < MinimumDice)
        {
            return $"The mask moved away from the previous slice's (Dice {dice:F2}, below {MinimumDice:F2}).";
        }
        var now = MaskIntensity.Of(next, values)!;
        return Math.Abs(now.Median - start.Median) > MaximumIntensityShift * start.Spread
            ? $"The mask's intensity moved from {start.Median:0.#} to {now.Median:0.#} (median), more than {MaximumIntensityShift:0.#} × the object's spread on the start slice ({start.Spread:0.#}): it slid onto something else."
            : null;
    }
}
