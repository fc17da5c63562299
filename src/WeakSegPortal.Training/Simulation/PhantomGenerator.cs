using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Simulation;

/// <summary>Makes organ-like phantoms with exact truth: a body outline, a large lobed organ (class 1) and a small round one (class 2).</summary>
/// <remarks>
/// Intensities: CT-like tissue values (air −1000 HU, body 40, organ 1 110, organ 2 180) windowed at 40/400 to [0, 1];
/// MR-like values with organ 2 darker than the body. Then a smooth multiplicative bias field (random low-order
/// polynomial, largest deviation <see cref="PhantomOptions.BiasStrength"/>), Gaussian noise, clamping to [0, 1].
/// </remarks>
public static class PhantomGenerator
{
    public static Phantom Generate(PhantomOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = new SeededRandom(seed);
        var (w, h, d) = (options.Width, options.Height, options.Slices);
        var body = new OrganShape(w / 2.0 + random.Gaussian(0, w * 0.01), h / 2.0 + random.Gaussian(0, h * 0.01), (d - 1) / 2.0,
            w * random.Uniform(0.40, 0.46), h * random.Uniform(0.34, 0.42), d * 10.0, random.Uniform(-0.1, 0.1),
            [(2, random.Uniform(0, 0.04), random.Uniform(0, Math.PI))]);
        var large = new OrganShape(w * random.Uniform(0.34, 0.40), h * random.Uniform(0.44, 0.54), (d - 1) / 2.0 + random.Gaussian(0, d * 0.05),
            w * random.Uniform(0.14, 0.19), h * random.Uniform(0.11, 0.15), Math.Max(1, d * random.Uniform(0.45, 0.6)), random.Uniform(-0.6, 0.6),
            [(2, random.Uniform(0.04, 0.12), random.Uniform(0, 2 * Math.PI)), (3, random.Uniform(0.03, 0.1), random.Uniform(0, 2 * Math.PI))]);
        var small = new OrganShape(w * random.Uniform(0.63, 0.70), h * random.Uniform(0.45, 0.56), (d - 1) / 2.0 + random.Gaussian(0, d * 0.05),
            w * random.Uniform(0.07, 0.10), h * random.Uniform(0.07, 0.10), Math.Max(1, d * random.Uniform(0.3, 0.45)), random.Uniform(0, Math.PI),
            [(2, random.Uniform(0.02, 0.06), random.Uniform(0, 2 * Math.PI))]);
        bool[] present = [true, !random.Chance(options.AbsenceRate), !random.Chance(options.AbsenceRate)];
        var bias = BiasField(random, options.BiasStrength);
        var (air, tissue, organ1, organ2) = Intensities(options.Modality);

        var grid = new Grid(w, h, d);
        var image = new float[grid.Count];
        var truth = new byte[grid.Count];
        var found = new bool[PhantomOptions.Classes];
        for (var k = 0; k < d; k++)
        {
            for (var j = 0; j < h; j++)
            {
                for (var i = 0; i < w; i++)
                {
                    var index = grid.Index(i, j, k);
                    var (x, y) = (2.0 * i / (w - 1) - 1, 2.0 * j / (h - 1) - 1);
                    var value = air;
                    if (body.Contains(i, j, k))
                    {
                        value = tissue;
                        if (present[1] && large.Contains(i, j, k))
                        {
                            (value, truth[index]) = (organ1, 1);
                        }
                        else if (present[2] && small.Contains(i, j, k))
                        {
                            (value, truth[index]) = (organ2, 2);
                        }
                    }
                    found[truth[index]] = true;
                    image[index] = (float)Math.Clamp(value * bias(x, y) + random.Gaussian(0, options.NoiseSigma), 0, 1);
                }
            }
        }
        return new Phantom(grid, options.Modality, image, truth, [true, found[1], found[2]]);
    }

    /// <summary>Air, body, organ 1, organ 2 in [0, 1].</summary>
    private static (double Air, double Tissue, double Organ1, double Organ2) Intensities(SimulatedModality modality) => modality switch
    {
        SimulatedModality.Ct => (Window(-1000), Window(40), Window(110), Window(180)),
        _ => (0.02, 0.45, 0.72, 0.22),
    };

    /// <summary>Hounsfield units through a 40/400 window to [0, 1].</summary>
    private static double Window(double hu) => Math.Clamp((hu - (40 - 200)) / 400, 0, 1);

    /// <summary>1 + s·q(x, y) with q a random quadratic in x, y ∈ [−1, 1] scaled so that |q| ≤ 1.</summary>
    private static Func<double, double, double> BiasField(SeededRandom random, double strength)
    {
        var c = new double[5];
        for (var n = 0; n < c.Length; n++)
        {
            c[n] = random.Uniform(-1, 1);
        }
        var scale = c.Sum(Math.Abs);
        return (x, y) => 1 + strength * (c[0] * x + c[1] * y + c[2] * x * y + c[3] * x * x + c[4] * y * y) / scale;
    }
}
