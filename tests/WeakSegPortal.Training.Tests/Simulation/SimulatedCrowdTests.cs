using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Training.Simulation;

namespace WeakSegPortal.Training.Tests.Simulation;

public class SimulatedCrowdTests
{
    private static readonly SimulatedCrowd Crowd = SimulatedCrowd.WithOneCareless();
    private static readonly Phantom[] Phantoms = [.. Enumerable.Range(0, 12).Select(s => PhantomGenerator.Generate(new PhantomOptions(), 100 + s))];

    [Fact]
    public void The_same_item_seed_gives_the_same_labels()
    {
        var first = Crowd.Annotate(Phantoms[0], WeakLabelKinds.All, 42);
        var again = Crowd.Annotate(Phantoms[0], WeakLabelKinds.All, 42);

        Assert.Equal(Describe(first), Describe(again));
        Assert.NotEqual(Describe(first), Describe(Crowd.Annotate(Phantoms[0], WeakLabelKinds.All, 43)));
    }

    [Fact]
    public void Careful_scribbles_lie_wholly_inside_their_class_and_the_careless_ones_do_not()
    {
        var careful = new List<double>();
        var careless = new List<double>();
        foreach (var (phantom, item) in Phantoms.Select((p, i) => (p, i)))
        {
            foreach (var annotation in Crowd.Annotate(phantom, WeakLabelKinds.Scribbles, item))
            {
                foreach (var scribble in annotation.Labels.Scribbles)
                {
                    var pixels = ScribbleRasterizer.ToMask(scribble, phantom.SliceGrid);
                    var inside = pixels.Zip(phantom.ClassMask(scribble.ClassId), (s, t) => s && t).Count(v => v);
                    var precision = inside / (double)pixels.Count(v => v);
                    (annotation.Annotator.Careless ? careless : careful).Add(precision);
                }
            }
        }

        Assert.All(careful, precision => Assert.Equal(1.0, precision));
        Assert.True(careless.Min() < 0.95, $"careless scribbles stayed inside (worst precision {careless.Min():F3})");
        Assert.True(careful.Count > Phantoms.Length * 3 * 2, $"only {careful.Count} careful strokes"); // inside and around each organ
    }

    [Fact]
    public void Careful_scribblers_also_mark_background_far_from_the_organs()
    {
        // Not only rings around the organs: a loop over the outer part of the slice (normalised radius ≥ 0.8 from the centre).
        foreach (var (phantom, item) in Phantoms.Select((p, i) => (p, i)).Where(p => p.p.Present.Skip(1).Any(v => v)))
        {
            var grid = phantom.SliceGrid;
            foreach (var annotation in Crowd.Annotate(phantom, WeakLabelKinds.Scribbles, item).Where(a => !a.Annotator.Careless))
            {
                var outer = new HashSet<int>();
                foreach (var scribble in annotation.Labels.Scribbles.Where(s => s.ClassId == 0))
                {
                    var pixels = ScribbleRasterizer.ToMask(scribble, grid);
                    for (var v = 0; v < pixels.Length; v++)
                    {
                        var (x, y) = (2.0 * (v % grid.Nx) / (grid.Nx - 1) - 1, 2.0 * (v / grid.Nx) / (grid.Ny - 1) - 1);
                        if (pixels[v] && x * x + y * y >= 0.64)
                        {
                            outer.Add(v);
                        }
                    }
                }
                Assert.True(outer.Count >= 30, $"{annotation.Annotator.Name} on item {item}: {outer.Count} background pixels in the outer part");
            }
        }
    }

    [Fact]
    public void Careful_boxes_are_near_tight_and_careless_ones_looser()
    {
        var careful = new List<double>();
        var careless = new List<double>();
        foreach (var (phantom, item) in Phantoms.Select((p, i) => (p, i)))
        {
            foreach (var annotation in Crowd.Annotate(phantom, WeakLabelKinds.Boxes, item))
            {
                foreach (var box in annotation.Labels.Boxes)
                {
                    var truth = phantom.ClassMask(box.ClassId);
                    var tight = BoxRasterizer.ToMask(TightBox(truth, phantom.SliceGrid, box.ClassId), phantom.SliceGrid);
                    var drawn = BoxRasterizer.ToMask(box, phantom.SliceGrid);
                    var covered = truth.Zip(drawn, (t, d) => t && d).Count(v => v) / (double)truth.Count(v => v);
                    (annotation.Annotator.Careless ? careless : careful).Add(Overlap.IoU(tight, drawn));
                    if (!annotation.Annotator.Careless)
                    {
                        Assert.True(covered > 0.8, $"a careful box covers {covered:P0} of its organ");
                    }
                }
            }
        }

        Assert.True(careful.Min() > 0.7, $"worst careful box IoU {careful.Min():F2}");
        Assert.True(careful.Average() > 0.85, $"mean careful box IoU {careful.Average():F2}");
        Assert.True(careless.Average() < careful.Average() - 0.05);
    }

    [Fact]
    public void Careful_clicks_land_inside_their_class_and_some_careless_ones_miss()
    {
        var carefulMisses = 0;
        var carelessMisses = 0;
        var carelessClicks = 0;
        foreach (var (phantom, item) in Phantoms.Select((p, i) => (p, i)))
        {
            foreach (var annotation in Crowd.Annotate(phantom, WeakLabelKinds.Points, item))
            {
                foreach (var point in annotation.Labels.Points)
                {
                    var inside = phantom.Truth[PointRasterizer.IndexOf(point, phantom.SliceGrid)] == point.ClassId;
                    if (annotation.Annotator.Careless)
                    {
                        carelessClicks++;
                        carelessMisses += inside ? 0 : 1;
                    }
                    else
                    {
                        carefulMisses += inside ? 0 : 1;
                    }
                }
            }
        }

        Assert.Equal(0, carefulMisses);
        Assert.InRange(carelessMisses / (double)carelessClicks, 0.03, 0.5);
    }

    [Fact]
    public void Careful_tags_match_the_truth_and_the_careless_annotator_flips_some()
    {
        var phantoms = Enumerable.Range(0, 30).Select(s => PhantomGenerator.Generate(new PhantomOptions(AbsenceRate: 0.3), 200 + s)).ToList();
        var carefulWrong = 0;
        var carefulTags = 0;
        var carelessWrong = 0;
        foreach (var (phantom, item) in phantoms.Select((p, i) => (p, i)))
        {
            foreach (var annotation in Crowd.Annotate(phantom, WeakLabelKinds.Tags, item))
            {
                var wrong = annotation.Labels.Tags.Count(t => t.Present != phantom.Present[t.ClassId]);
                if (annotation.Annotator.Careless)
                {
                    carelessWrong += wrong;
                }
                else
                {
                    carefulWrong += wrong;
                    carefulTags += annotation.Labels.Tags.Count;
                }
            }
        }

        Assert.True(carefulWrong <= carefulTags * 0.05, $"{carefulWrong} of {carefulTags} careful tags wrong");
        Assert.True(carelessWrong > carefulWrong / 3.0 + 2, $"careless {carelessWrong} wrong, careful {carefulWrong}");
        Assert.Contains(phantoms, p => !p.Present[1] || !p.Present[2]);
    }

    [Fact]
    public void A_slice_stack_gets_labels_and_tags_per_slice()
    {
        var stack = PhantomGenerator.Generate(new PhantomOptions(Slices: 5), 9);

        var labels = new SimulatedAnnotator(AnnotatorProfile.Careful("a") with { MissRate = 0 }).Annotate(stack, WeakLabelKinds.All, 1);

        Assert.Equal(5 * 2, labels.Tags.Count);
        Assert.Equal(Enumerable.Range(0, 5), labels.Tags.Select(t => t.Slice!.Value).Distinct().Order());
        Assert.All(labels.Scribbles, s => Assert.InRange(s.Slice, 0, 4));
        Assert.Contains(labels.Boxes, b => b.Slice == 2 && b.ClassId == 1);
    }

    private static Box2D TightBox(bool[] mask, Grid grid, int classId)
    {
        var xs = Enumerable.Range(0, mask.Length).Where(v => mask[v]).Select(v => v % grid.Nx).ToArray();
        var ys = Enumerable.Range(0, mask.Length).Where(v => mask[v]).Select(v => v / grid.Nx).ToArray();
        return new Box2D(xs.Min() - 0.5, ys.Min() - 0.5, xs.Max() + 0.5, ys.Max() + 0.5, 0, classId);
    }

    private static string Describe(IReadOnlyList<SimulatedAnnotation> annotations) =>
        string.Join("|", annotations.Select(a =>
            $"{a.Annotator.Name}:{string.Join(";", a.Labels.Scribbles.SelectMany(s => s.Points).Select(p => $"{p.X:F3},{p.Y:F3}"))}" +
            $":{string.Join(";", a.Labels.Boxes)}:{string.Join(";", a.Labels.Points)}:{string.Join(";", a.Labels.Tags)}"));
}
