namespace WeakSegPortal.Core.Agreement;

/// <summary>Groups voxels by the exact combination of decisions the raters made there.</summary>
/// <remarks>
/// STAPLE's E-step depends on a voxel only through its decision pattern (with a global prior), so
/// EM can iterate over the few distinct patterns, weighted by their counts, instead of every voxel:
/// identical results, and a 6.5 M-voxel volume with 5 raters has at most 3⁵ = 243 patterns.
/// Symbol 0 means "no decision" (missing).
/// </remarks>
internal sealed class DecisionPatterns
{
    private DecisionPatterns(int raters, int[] patternOfVoxel, List<byte> symbols, List<long> counts)
    {
        Raters = raters;
        PatternOfVoxel = patternOfVoxel;
        Symbols = [.. symbols];
        Counts = [.. counts];
    }

    public int Raters { get; }

    public int Count => Counts.Length;

    public int[] PatternOfVoxel { get; }

    /// <summary>Symbols[pattern * Raters + rater].</summary>
    public byte[] Symbols { get; }

    public long[] Counts { get; }

    public static DecisionPatterns Build(IReadOnlyList<byte[]> decisions, int symbolCount)
    {
        var raters = decisions.Count;
        if (raters == 0)
        {
            throw new ArgumentException("Need at least one rater.", nameof(decisions));
        }

        var length = decisions[0].Length;
        foreach (var rater in decisions)
        {
            if (rater.Length != length)
            {
                throw new ArgumentException("All raters must cover the same voxels.", nameof(decisions));
            }
        }

        // Few raters: a direct table indexed by the pattern's base-K code. Many raters (crowds): a
        // dictionary keyed by the pattern itself, looked up by span so a repeat allocates nothing.
        var codeSpace = Math.Pow(symbolCount, raters);
        var table = codeSpace <= 1 << 22 ? new int[(int)codeSpace] : null;
        table?.AsSpan().Fill(-1);
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var byKey = lookup.GetAlternateLookup<ReadOnlySpan<char>>();
        var key = new char[raters];
        var patternOfVoxel = new int[length];
        var symbols = new List<byte>();
        var counts = new List<long>();
        for (var v = 0; v < length; v++)
        {
            var code = 0;
            var pattern = -1;
            if (table is not null)
            {
                for (var r = 0; r < raters; r++)
                {
                    code = code * symbolCount + decisions[r][v];
                }

                pattern = table[code];
            }
            else
            {
                for (var r = 0; r < raters; r++)
                {
                    key[r] = (char)decisions[r][v];
                }

                pattern = byKey.TryGetValue(key, out var found) ? found : -1;
            }

            if (pattern < 0)
            {
                pattern = counts.Count;
                counts.Add(0);
                for (var r = 0; r < raters; r++)
                {
                    symbols.Add(decisions[r][v]);
                }

                if (table is not null)
                {
                    table[code] = pattern;
                }
                else
                {
                    lookup[new string(key)] = pattern;
                }
            }

            counts[pattern]++;
            patternOfVoxel[v] = pattern;
        }

        return new DecisionPatterns(raters, patternOfVoxel, symbols, counts);
    }
}
