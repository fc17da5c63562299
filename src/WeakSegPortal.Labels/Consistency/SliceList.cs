namespace WeakSegPortal.Core.Consistency;

/// <summary>
/// Slice indices as the workspace shows them (its "k = 14" and the label list's "k 14"): "slice k=4", "slices k=4 and 7",
/// "slices k=3–6", "slices k=2, 5 and 9".
/// </summary>
internal static class SliceList
{
    public static string Describe(IReadOnlyList<int> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        return slices.Count switch
        {
            0 => "no slice",
            1 => $"slice k={slices[0]}",
            _ when IsRun(slices) && slices.Count > 2 => $"slices k={slices[0]}–{slices[^1]}",
            _ => $"slices k={string.Join(", ", slices.Take(slices.Count - 1))} and {slices[^1]}",
        };
    }

    private static bool IsRun(IReadOnlyList<int> slices)
    {
        for (var i = 1; i < slices.Count; i++)
        {
            if (slices[i] != slices[i - 1] + 1)
            {
                return false;
            }
        }

        return true;
    }
}
