namespace WeakSegPortal.Training.Simulation;

/// <summary>Deterministic random numbers for the simulator: the same seed gives the same phantoms and labels on every run.</summary>
public sealed class SeededRandom(int seed)
{
    private readonly Random random = new(seed);

    /// <summary>A seed derived from several parts (data set seed, item, annotator) by integer mixing, stable across runs.</summary>
    public static int Mix(params int[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var h = 0x9E3779B9u;
        foreach (var part in parts)
        {
            h ^= (uint)part + 0x7F4A7C15u + (h << 6) + (h >> 2);
            h *= 0x85EBCA6Bu;
            h ^= h >> 13;
        }
        return (int)(h & 0x7FFFFFFF);
    }

    public double Uniform(double min = 0, double max = 1) => min + (max - min) * random.NextDouble();

    public int Next(int minInclusive, int maxExclusive) => random.Next(minInclusive, maxExclusive);

    public bool Chance(double probability) => random.NextDouble() < probability;

    /// <summary>A normal deviate (Box–Muller).</summary>
    public double Gaussian(double mean = 0, double sigma = 1)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
