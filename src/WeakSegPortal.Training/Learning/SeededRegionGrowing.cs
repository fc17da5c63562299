using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Learning;

/// <summary>
/// Seeded region growing on intensity (Adams &amp; Bischof 1994), used as DSRG does (Huang et al., CVPR 2018) to grow
/// class activation seeds into whole objects: each class's seeds are a region; a left-out pixel beside a region joins it
/// when its intensity is within <c>tolerance</c> of the region's running mean; pixels are taken in order of that
/// distance over all regions, so where two regions compete the closer in intensity wins.
/// </summary>
/// <remarks>
/// Only left-out pixels (<see cref="PartialCrossEntropy.Ignore"/>) can join a region: seeds and background stay as they
/// are. Neighbours are the 4-connected ones. A region's mean is updated as it grows, which follows a smooth bias field
/// across an organ; a pixel is measured against the mean of the region at the time it is taken.
/// </remarks>
public static class SeededRegionGrowing
{
    /// <param name="target">Class id per pixel (background 0), <see cref="PartialCrossEntropy.Ignore"/> where left out.</param>
    /// <param name="intensity">One intensity per pixel, row after row.</param>
    /// <param name="growing">The classes whose regions grow (their seeds are their pixels in <paramref name="target"/>).</param>
    /// <param name="tolerance">Largest |intensity − region mean| a joining pixel may have.</param>
    public static long[] Grow(long[] target, ReadOnlySpan<float> intensity, int width, IReadOnlyCollection<int> growing, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(growing);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (intensity.Length != target.Length || target.Length % width != 0)
        {
            throw new ArgumentException($"Expected {target.Length} intensities on rows of {width}, got {intensity.Length}.", nameof(intensity));
        }
        var grown = (long[])target.Clone();
        var (sum, count) = (new Dictionary<long, double>(), new Dictionary<long, int>());
        foreach (var c in growing)
        {
            (sum[c], count[c]) = (0, 0);
        }
        for (var v = 0; v < grown.Length; v++)
        {
            if (sum.ContainsKey(grown[v]))
            {
                sum[grown[v]] += intensity[v];
                count[grown[v]]++;
            }
        }
        var queue = new PriorityQueue<(int Pixel, long Class), (double Distance, long Order)>();
        long order = 0;
        void Offer(int v, long c, ReadOnlySpan<float> values)
        {
            if (grown[v] != PartialCrossEntropy.Ignore)
            {
                return;
            }
            var distance = Math.Abs(values[v] - sum[c] / count[c]);
            if (distance <= tolerance)
            {
                queue.Enqueue((v, c), (distance, order++));
            }
        }
        void OfferNeighbours(int v, long c, ReadOnlySpan<float> values)
        {
            var (x, y) = (v % width, v / width);
            if (x > 0) Offer(v - 1, c, values);
            if (x < width - 1) Offer(v + 1, c, values);
            if (y > 0) Offer(v - width, c, values);
            if (v + width < grown.Length) Offer(v + width, c, values);
        }
        for (var v = 0; v < grown.Length; v++)
        {
            if (sum.ContainsKey(grown[v]))
            {
                OfferNeighbours(v, grown[v], intensity);
            }
        }
        while (queue.TryDequeue(out var next, out _))
        {
            if (grown[next.Pixel] != PartialCrossEntropy.Ignore)
            {
                continue;
            }
            // Queued against an older mean: measure again against the region as it is now.
            if (Math.Abs(intensity[next.Pixel] - sum[next.Class] / count[next.Class]) > tolerance)
            {
                continue;
            }
            grown[next.Pixel] = next.Class;
            sum[next.Class] += intensity[next.Pixel];
            count[next.Class]++;
            OfferNeighbours(next.Pixel, next.Class, intensity);
        }
        return grown;
    }
}
