namespace WeakSegPortal.Core.Labels;

/// <summary>
/// The run-length code of a binary slice mask on the wire (suggestions and accepted masks,
/// docs/suggestion-protocol.md): pixels row-major with x fastest, run lengths alternating and
/// starting with a run of unset pixels (which may be 0 long); every later run is at least 1 long
/// and the runs add up to width × height. The browser (wwwroot/src/mask-rle.js) applies the same
/// rule; both are held to wwwroot/test/mask-rle-cases.json.
/// </summary>
public static class MaskRle
{
    /// <summary>The most runs one mask may carry (a 1024² checkerboard row is far below it; a hostile list is not).</summary>
    public const int MaxRuns = 1 << 20;

    public static int[] Encode(ReadOnlySpan<bool> mask)
    {
        var runs = new List<int>();
        var current = false;
        var length = 0;
        foreach (var set in mask)
        {
            if (set != current)
            {
                runs.Add(length);
                current = set;
                length = 0;
            }
            length++;
        }
        runs.Add(length);
        return [.. runs];
    }

    /// <summary>Why <paramref name="counts"/> is not the code of a width × height mask; null when it is.</summary>
    public static string? Problem(IReadOnlyList<int>? counts, int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            return "the mask needs a positive width and height";
        }
        if (counts is null || counts.Count == 0)
        {
            return "the mask has no runs";
        }
        if (counts.Count > MaxRuns)
        {
            return $"the mask has {counts.Count} runs; at most {MaxRuns} are read";
        }
        long total = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] < 0 || (i > 0 && counts[i] == 0))
            {
                return $"run {i} is {counts[i]} long; only the first run may be empty and none negative";
            }
            total += counts[i];
        }
        var expected = (long)width * height;
        return total == expected ? null : $"the runs cover {total} pixels, the slice has {expected} ({width} × {height})";
    }

    /// <summary>The mask of <paramref name="counts"/>; a code that <see cref="Problem"/> refuses throws with the reason.</summary>
    public static bool[] Decode(IReadOnlyList<int> counts, int width, int height)
    {
        if (Problem(counts, width, height) is { } problem)
        {
            throw new ArgumentException($"Not a mask code: {problem}.", nameof(counts));
        }
        var mask = new bool[width * height];
        var at = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (i % 2 == 1)
            {
                mask.AsSpan(at, counts[i]).Fill(true);
            }
            at += counts[i];
        }
        return mask;
    }
}
