using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Benchmarks;

/// <summary>Agreement suite: recomputing one 2D item (goal &lt; 50 ms) and binary STAPLE on a volume (goal &lt; 2 s).</summary>
internal static class AgreementBenchmark
{
    private const int Background = 0;
    private static readonly int[] Classes = [1, 2];

    public static void Run()
    {
        var grid = Grid.Planar(512, 512, 0.7, 0.7);
        var random = new Random(5);
        var geometry = Enumerable.Range(0, 5).Select(a => Annotations(random)).ToList();
        var annotators = geometry.Select((g, a) => AnnotatorLabels.FromGeometry($"annotator-{a}", g, Classes, grid)).ToList();
        BenchmarkTimer.Measure("Item agreement, 512x512, 5 annotators, 2 classes", 3, 30,
            () => ItemAgreementCalculator.Compute(grid, Classes, annotators, Background));
        BenchmarkTimer.Measure("Rasterise 5 annotators x 2 classes, 512x512", 3, 30,
            () => geometry.ForEach(g => AnnotatorLabels.FromGeometry("a", g, Classes, grid)));

        var volume = new Grid(256, 256, 100, 0.8, 0.8, 2.5);
        var raters = SimulatedRaters(volume, random);
        BenchmarkTimer.Measure("Binary STAPLE, 256x256x100, 5 raters", 1, 5, () => StapleConsensus.Estimate(raters));
        BenchmarkTimer.Measure("Majority vote, 256x256x100, 5 raters", 1, 5, () => MajorityVote.Compute(raters));
    }

    /// <summary>Brush-width scribbles of two organs and background, boxes, clicks and tags, jittered per annotator.</summary>
    private static WeakLabels Annotations(Random random)
    {
        double Jitter(double value) => value + random.NextDouble() * 12 - 6;
        Scribble Stroke(double x, double y, int classId) =>
            new([.. Enumerable.Range(0, 40).Select(s => new PlanePoint(Jitter(x + s * 3), Jitter(y + Math.Sin(s / 5.0) * 20)))],
                Jitter(20), 0, classId);
        return new WeakLabels
        {
            Scribbles = [Stroke(100, 150, 1), Stroke(120, 190, 1), Stroke(260, 330, 2), Stroke(40, 450, Background)],
            Boxes = [new Box2D(Jitter(80), Jitter(110), Jitter(240), Jitter(230), 0, 1), new Box2D(Jitter(240), Jitter(290), Jitter(400), Jitter(380), 0, 2)],
            Points = [new LabelPoint(Jitter(150), Jitter(170), 0, 1), new LabelPoint(Jitter(320), Jitter(335), 0, 2)],
            Tags = [new Tag(1, true), new Tag(2, random.NextDouble() < 0.8)],
        };
    }

    /// <summary>A sphere as truth; raters with sensitivity 0.8-0.95 and specificity 0.95-0.99.</summary>
    private static List<byte[]> SimulatedRaters(Grid grid, Random random)
    {
        var raters = new List<byte[]>();
        for (var r = 0; r < 5; r++)
        {
            var (p, q) = (0.8 + 0.03 * r, 0.95 + 0.01 * r);
            var states = new byte[grid.Count];
            for (var v = 0; v < states.Length; v++)
            {
                var (dx, dy, dz) = (v % grid.Nx - 128.0, v / grid.Nx % grid.Ny - 128.0, (v / grid.SliceSize - 50.0) * 3);
                var truth = dx * dx + dy * dy + dz * dz < 80 * 80;
                var positive = truth ? random.NextDouble() < p : random.NextDouble() >= q;
                states[v] = (byte)(positive ? LabelState.Positive : LabelState.Negative);
            }

            raters.Add(states);
        }

        return raters;
    }
}
