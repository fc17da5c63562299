using System.Text;

namespace WeakSegPortal.Web.Exports;

/// <summary>
/// COCO's run-length code of a binary mask (pycocotools' <c>maskApi</c>): pixels in column-major order (y fastest), runs
/// alternating and starting with unset pixels (possibly 0 long); compressed as COCO's string (each count after the second
/// as the difference to the count two before, in 5-bit groups with a continuation bit, offset by 48).
/// </summary>
public static class CocoRle
{
    /// <summary>The uncompressed counts of a row-major (x fastest) <paramref name="width"/> × <paramref name="height"/> mask.</summary>
    public static List<long> Counts(ReadOnlySpan<bool> rowMajor, int width, int height)
    {
        var counts = new List<long>();
        var current = false;
        long run = 0;
        for (var x = 0; x < width; x++)
        {
            for (var y = 0; y < height; y++)
            {
                if (rowMajor[(y * width) + x] != current)
                {
                    counts.Add(run);
                    current = !current;
                    run = 0;
                }
                run++;
            }
        }
        counts.Add(run);
        return counts;
    }

    /// <summary>pycocotools' <c>rleToString</c>.</summary>
    public static string Compress(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var text = new StringBuilder();
        for (var i = 0; i < counts.Count; i++)
        {
            var x = counts[i];
            if (i > 2)
            {
                x -= counts[i - 2];
            }
            var more = true;
            while (more)
            {
                var c = x & 0x1f;
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more)
                {
                    c |= 0x20;
                }
                text.Append((char)(c + 48));
            }
        }
        return text.ToString();
    }
}
