namespace WeakSegPortal.Core.Consistency;

/// <summary>Slice numbers as a person reads them: "slice 4", "slices 4 and 7", "slices 3–6", "slices 2, 5 and 9".</summary>
internal static class SliceList
{
    public static string Describe(IReadOnlyList<int> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        return slices.Count switch
        {
            0 => "no slice",
            1 => $"slice {slices[0]}",
            _ when IsRun(slices) && slices.Count > 2 => $"slices {slices[0]}–{slices[^1]}",
            _ => $"slices {string.Join(", ", slices.Take(slices.Count - 1))} and {slices[^1]}",
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
