using WeakSegPortal.Core.Consistency;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Consistency;

public sealed class ConsistencyRulesTests
{
    private static readonly Grid Volume = new(64, 64, 30, 0.5, 0.5, 2.0);

    private static string Name(int classId) => classId == 1 ? "Liver" : $"Class {classId}";

    private static Box2D Box(int slice, double size = 10, int classId = 1) => new(20, 20, 20 + size, 20 + size, slice, classId);

    private static Polygon Square(int slice, double size, int classId = 1) =>
        new([new PlanePoint(10, 10), new PlanePoint(10 + size, 10), new PlanePoint(10 + size, 10 + size), new PlanePoint(10, 10 + size)], slice, classId);

    private static IReadOnlyList<ConsistencyFinding> Check(WeakLabels labels) => ConsistencyRules.Check(labels, Volume, Name);

    [Fact]
    public void Consistent_labels_give_no_findings()
    {
        var labels = new WeakLabels
        {
            Boxes = [Box(10), Box(11, 11), Box(12, 12)],
            Tags = [new Tag(1, false, 3), new Tag(1, true, 11)],
            Masks = [Square(20, 10), Square(21, 12)],
        };

        Assert.Empty(Check(labels));
    }

    [Fact]
    public void A_class_tagged_absent_on_a_slice_with_its_box_or_scribble_is_reported_once_per_tag()
    {
        var labels = new WeakLabels
        {
            Boxes = [Box(5)],
            Scribbles = [new Scribble([new PlanePoint(1, 1), new PlanePoint(5, 5)], 2, 8, 1)],
            Tags = [new Tag(1, false, 5), new Tag(1, false, 8), new Tag(1, false, 9), new Tag(2, false, 5)],
        };

        var findings = Check(labels);

        Assert.Equal([[5], [8]], findings.Select(f => f.Slices.ToArray()));
        Assert.All(findings, f => Assert.Equal("absent-but-drawn", f.Rule));
        Assert.Equal("Liver is tagged absent on slice k=5, but has a label there.", findings[0].Message);
    }

    [Fact]
    public void A_class_tagged_absent_from_the_whole_image_lists_every_slice_that_has_a_label_of_it()
    {
        var labels = new WeakLabels
        {
            Points = [new LabelPoint(3, 3, 7, 1), new LabelPoint(4, 4, 2, 1, IsPositive: false)],
            Boxes3D = [new Box3D(1, 1, 2.2, 9, 9, 4.9, 1)],
            Tags = [new Tag(1, false)],
        };

        var finding = Assert.Single(Check(labels));

        Assert.Equal([3, 4, 7], finding.Slices);
        Assert.Equal("Liver is tagged absent from the whole image, but slices k=3, 4 and 7 have a label of it.", finding.Message);
    }

    [Fact]
    public void Overlapping_boxes_with_unboxed_slices_between_them_are_a_gap()
    {
        var findings = Check(new WeakLabels { Boxes = [Box(10), Box(11), Box(15), Box(16)] });

        var gap = Assert.Single(findings);
        Assert.Equal("box-gap", gap.Rule);
        Assert.Equal([12, 13, 14], gap.Slices);
        Assert.Equal("Liver is boxed on slices k=11 and 15 but not on slices k=12–14 between them: box them, or tag the class absent there.", gap.Message);
    }

    [Fact]
    public void A_gap_the_annotator_tagged_absent_or_between_boxes_that_do_not_overlap_is_no_gap()
    {
        var taggedAbsent = new WeakLabels { Boxes = [Box(10), Box(12)], Tags = [new Tag(1, false, 11)] };
        var elsewhere = new WeakLabels { Boxes = [Box(10), new Box2D(40, 40, 50, 50, 14, 1)] };
        var otherClass = new WeakLabels { Boxes = [Box(10), Box(14, classId: 2)] };

        Assert.Empty(Check(taggedAbsent));
        Assert.Empty(Check(elsewhere));
        Assert.Empty(Check(otherClass));
    }

    [Fact]
    public void An_area_that_more_than_doubles_between_neighbouring_slices_is_a_jump_in_square_millimetres()
    {
        var findings = Check(new WeakLabels { Boxes = [Box(10, 10), Box(11, 14), Box(12, 21)] });

        var jump = Assert.Single(findings);
        Assert.Equal("area-jump", jump.Rule);
        Assert.Equal([11, 12], jump.Slices);
        Assert.Equal("Liver's box area jumps from 49 mm² on slice k=11 to 110.3 mm² on k=12 (more than 2×): check both slices.", jump.Message);
    }

    [Fact]
    public void Mask_areas_count_painted_voxels_after_erasing_and_are_not_compared_with_boxes()
    {
        var erased = new BrushStroke([new PlanePoint(10, 10), new PlanePoint(30, 30)], 40, 21, 1, Erase: true);
        var labels = new WeakLabels { Masks = [Square(20, 10), Square(21, 10), erased, Square(21, 4)], Boxes = [Box(22, 30)] };

        var jump = Assert.Single(Check(labels));

        Assert.Equal([20, 21], jump.Slices);
        Assert.StartsWith("Liver's mask area jumps from 25 mm² on slice k=20 to 4 mm² on k=21", jump.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiny_areas_at_a_structures_ends_and_the_tolerance_are_respected()
    {
        var tiny = new WeakLabels { Boxes = [Box(10, 3), Box(11, 10)] };
        Assert.Empty(Check(tiny));
        var loose = ConsistencyRules.Check(new WeakLabels { Boxes = [Box(10, 10), Box(11, 20)] }, Volume, Name, new ConsistencyOptions(AreaJumpRatio: 5));
        Assert.Empty(loose);
    }

    [Theory]
    [InlineData(1.0, 16)]
    [InlineData(double.NaN, 16)]
    [InlineData(2.0, -1)]
    public void Unusable_tolerances_are_refused_with_the_reason(double ratio, double minArea)
    {
        var error = Assert.Throws<ArgumentException>(() => ConsistencyRules.Check(WeakLabels.Empty, Volume, Name, new ConsistencyOptions(ratio, minArea)));
        Assert.Contains(ratio > 1 ? "MinAreaVoxels" : "AreaJumpRatio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_in_the_assembly_is_in_the_list_once_with_its_own_name()
    {
        var defined = typeof(IConsistencyRule).Assembly.GetTypes()
            .Where(t => typeof(IConsistencyRule).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .OrderBy(t => t.Name).ToList();

        Assert.Equal(defined, ConsistencyRules.All.Select(r => r.GetType()).OrderBy(t => t.Name));
        Assert.Equal(ConsistencyRules.All.Count, ConsistencyRules.All.Select(r => r.Name).Distinct().Count());
    }
}
