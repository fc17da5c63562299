namespace WeakSegPortal.Training.Learning;

/// <summary>
/// The pieces an image's class activation maps light: the pixels where some counted map reaches <c>lit</c> of its own peak,
/// split into 4-connected components whose neighbouring pixels differ in intensity by at most <c>edge</c>.
/// </summary>
/// <remarks>
/// On the benchmark the classifier's maps are near copies of one another (each lights whatever is bright, both organs on
/// CT-like images), so a map says where an organ is but not which; splitting the lit pixels at intensity steps separates
/// two organs that touch and the organs from the bright rim of body around them, so that each piece can be told apart by
/// what it looks like (<see cref="ClassProfile"/>).
/// </remarks>
public static class ActivationComponents
{
    /// <param name="maps">Raw class activation maps, tag after tag, <paramref name="intensity"/>.Length values each.</param>
    /// <param name="counted">The tags (0-based) whose maps count.</param>
    /// <param name="intensity">One intensity per pixel, row after row.</param>
    /// <param name="lit">Share of a map's peak (rectified) from which a pixel is lit.</param>
    /// <param name="edge">Largest intensity step between neighbours of one component.</param>
    /// <param name="minimumPixels">Smaller components are dropped.</param>
    public static List<ActivationComponent> Find(ReadOnlySpan<float> maps, IReadOnlyCollection<int> counted, ReadOnlySpan<float> intensity, int width,
        double lit, double edge, int minimumPixels)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var pixels = intensity.Length;
        var mapValues = maps.Length;
        if (pixels % width != 0 || counted.Any(t => t < 0 || (t + 1) * pixels > mapValues))
        {
            throw new ArgumentException($"Expected maps of {pixels} pixels on rows of {width} for tags {string.Join(", ", counted)}.", nameof(maps));
        }
        var lighted = new bool[pixels];
        foreach (var t in counted)
        {
            var map = maps.Slice(t * pixels, pixels);
            var peak = ActivationPeak.Of(map);
            for (var v = 0; v < pixels && peak > 0; v++)
            {
                lighted[v] |= map[v] / peak >= lit;
            }
        }
        return Split(lighted, intensity, width, edge, minimumPixels, inner: false);
    }

    /// <summary>
    /// The image's enclosed regions: every pixel split into 4-connected components whose neighbours differ in intensity by at
    /// most <paramref name="edge"/>, keeping those of at least <paramref name="minimumPixels"/> that do not touch the image's border.
    /// </summary>
    public static List<ActivationComponent> Regions(ReadOnlySpan<float> intensity, int width, double edge, int minimumPixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (intensity.Length % width != 0)
        {
            throw new ArgumentException($"Expected rows of {width}, got {intensity.Length} pixels.", nameof(intensity));
        }
        var all = new bool[intensity.Length];
        Array.Fill(all, true);
        return Split(all, intensity, width, edge, minimumPixels, inner: true);
    }

    private static List<ActivationComponent> Split(bool[] lighted, ReadOnlySpan<float> intensity, int width, double edge, int minimumPixels, bool inner)
    {
        var pixels = intensity.Length;
        var taken = new bool[pixels];
        var found = new List<ActivationComponent>();
        var stack = new Stack<int>();
        for (var start = 0; start < pixels; start++)
        {
            if (!lighted[start] || taken[start])
            {
                continue;
            }
            var members = new List<int>();
            taken[start] = true;
            stack.Push(start);
            while (stack.TryPop(out var v))
            {
                members.Add(v);
                var (x, y) = (v % width, v / width);
                Span<(int Pixel, bool Inside)> neighbours = [(v - 1, x > 0), (v + 1, x < width - 1), (v - width, y > 0), (v + width, v + width < pixels)];
                foreach (var (u, inside) in neighbours)
                {
                    if (inside && lighted[u] && !taken[u] && Math.Abs(intensity[u] - intensity[v]) <= edge)
                    {
                        taken[u] = true;
                        stack.Push(u);
                    }
                }
            }
            var height = pixels / width;
            if (members.Count >= minimumPixels && !(inner && members.Any(v => v % width == 0 || v % width == width - 1 || v < width || v / width == height - 1)))
            {
                members.Sort();
                var values = new double[members.Count];
                for (var n = 0; n < values.Length; n++)
                {
                    values[n] = intensity[members[n]];
                }
                Array.Sort(values);
                var median = values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
                found.Add(new ActivationComponent([.. members], median));
            }
        }
        return found;
    }
}
