using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;
using WeakSegPortal.Web.Tests.Faults;

namespace WeakSegPortal.Training.Tests.Learning;

/// <summary>
/// The one slice-example rule the worker's training job and the benchmark share (<see cref="CrowdSliceExample"/>): outside
/// every box is background, size bounds only for the classes on the slice, and the gold masks' size prior.
/// </summary>
public sealed class CrowdSliceExampleTests
{
    private const int Classes = 3;
    private const long Ignore = PartialCrossEntropy.Ignore;

    /// <summary>4 wide, 3 high, one slice.</summary>
    private static readonly Grid Slice = Grid.Planar(4, 3);

    private static AnnotatorWeakLabels Annotator(int n, WeakLabels labels) => new(new Guid(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]), 1, labels);

    private static TrainingExample Example(IReadOnlyDictionary<int, (double Min, double Max)>? prior, params AnnotatorWeakLabels[] annotators) =>
        CrowdSliceExample.ForSlice(new float[Slice.SliceSize], 1, Slice, 0, null, annotators, Classes, prior);

    [Fact]
    public void Outside_every_box_is_background_inside_stays_unknown_and_a_labelled_pixel_keeps_its_class()
    {
        // The box's pixel centres: x 1..2, y 1. A click of class 2 at (3, 2), outside the box.
        var labels = new WeakLabels { Boxes = [new Box2D(0.5, 0.5, 2.5, 1.5, 0, 1)], Points = [new LabelPoint(3, 2, 0, 2)] };

        var example = Example(null, Annotator(1, labels), Annotator(2, labels));

        Assert.Equal(
            [
                0, 0, 0, 0,
                0, Ignore, Ignore, 0,
                0, 0, 0, 2,
            ],
            example.Target);
        // CrowdLabels alone leaves the outside unknown: the rule is this class's, and the benchmark and the worker both call it.
        var crowd = CrowdLabels.ForSlice(new float[Slice.SliceSize], 1, Slice, 0, null, [Annotator(1, labels), Annotator(2, labels)], Classes);
        Assert.Equal(Ignore, crowd.Target[0]);
    }

    [Fact]
    public void A_slice_without_boxes_keeps_its_unlabelled_pixels_unknown()
    {
        var example = Example(null, Annotator(1, new WeakLabels { Points = [new LabelPoint(3, 2, 0, 2)] }));

        Assert.Equal(11, example.Target.Count(t => t == Ignore));
        Assert.Equal(2, example.Target[11]);
    }

    [Fact]
    public void Size_bounds_stay_for_a_class_clicked_on_the_slice_and_an_absent_tag_but_not_for_a_class_not_on_it()
    {
        var prior = new Dictionary<int, (double Min, double Max)> { [1] = (2, 6), [2] = (1, 3) };
        // Class 2 is clicked; class 1 is neither clicked nor tagged: its size here is unknown.
        var clicked = Example(prior, Annotator(1, new WeakLabels { Points = [new LabelPoint(3, 2, 0, 2)] }));
        Assert.Equal([new SizeBounds(0, 2, 1, 3)], clicked.Sizes);
        // Class 1 tagged absent on the slice: its bound 0 stays although no pixel of it is labelled.
        var absent = Example(prior, Annotator(1, new WeakLabels { Points = [new LabelPoint(3, 2, 0, 2)], Tags = [new Tag(1, false)] }));
        Assert.Equal([new SizeBounds(0, 1, 0, 0), new SizeBounds(0, 2, 1, 3)], absent.Sizes);
    }

    [Fact]
    public void The_gold_size_prior_is_07_times_the_smallest_and_13_times_the_largest_area_of_each_class()
    {
        // Class 1: areas 2 and 5 on the slices that hold it → (1.4, 6.5); class 2: 1 → (0.7, 1.3); class 3 on no slice: no prior.
        byte[] first = [0, 1, 1, 2];
        byte[] second = [1, 1, 1, 1, 1, 0, 0, 0];
        byte[] empty = [0, 0];

        var prior = GoldSizePrior.From([first, second, empty], classes: 4);

        Assert.Equal([1, 2], prior.Keys.Order());
        Assert.Equal(1.4, prior[1].Min, 10);
        Assert.Equal(6.5, prior[1].Max, 10);
        Assert.Equal(0.7, prior[2].Min, 10);
        Assert.Equal(1.3, prior[2].Max, 10);
    }

    [Fact]
    public void Every_training_example_built_from_crowd_labels_goes_through_this_rule()
    {
        var src = Path.Combine(RepositoryRoot.Path, "src");
        var bypassing = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("CrowdLabels.ForSlice(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f))
            .Where(f => f != "WeakSegPortal.Training/Learning/CrowdSliceExample.cs")
            .ToList();
        Assert.True(bypassing.Count == 0,
            $"These files build examples with CrowdLabels.ForSlice directly and so miss the boxes' background and the size rule; call CrowdSliceExample.ForSlice: {string.Join(", ", bypassing)}");
    }
}
