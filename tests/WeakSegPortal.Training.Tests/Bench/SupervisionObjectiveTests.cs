using WeakSegPortal.Core.Labels;
using WeakSegPortal.Training.Bench;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Tests.Bench;

/// <summary>The one rule for a kind of supervision's objective, which the benchmark's rows and the worker's training job both read.</summary>
public class SupervisionObjectiveTests
{
    [Fact]
    public void Every_kind_of_supervision_trains_with_its_own_reliability_weighted_benchmark_row()
    {
        foreach (var kind in Enum.GetValues<BenchSupervision>())
        {
            var row = SupervisionObjective.RowOf(kind); // a kind with no row throws, naming it

            Assert.Contains(row, BenchCase.All);
            Assert.Equal((kind, true), (row.Supervision, row.Weighted));
            if (kind != BenchSupervision.Tags) // tags: below
            {
                Assert.Same(row.Weights, SupervisionObjective.For([kind]));
            }
        }
    }

    [Fact]
    public void Tags_train_the_segmentation_network_without_the_tag_term_and_the_classifier_with_the_row_s_negative_tags()
    {
        var row = BenchCase.Tags with { Weights = BenchCase.Tags.Weights with { NegativeTag = 3, AbsentTagMaps = true } };

        Assert.Equal(row.Weights with { Tag = 0 }, SupervisionObjective.Segmentation(row));
        var classifier = SupervisionObjective.Classifier(row);
        Assert.Equal((0.0, 1.0, 3.0, true), (classifier.CrossEntropy, classifier.Tag, classifier.NegativeTag, classifier.AbsentTagMaps));
        Assert.Equal(BenchCase.Tags.Weights with { Tag = 0 }, SupervisionObjective.For([BenchSupervision.Tags]));
    }

    [Fact]
    public void Every_kind_of_label_an_annotator_gives_is_a_kind_of_supervision()
    {
        // One label of each kind WeakLabels holds; a kind added there and not here fails, and so does one the rule does not map.
        var samples = new Dictionary<string, (WeakLabels Labels, BenchSupervision Kind)>
        {
            [nameof(WeakLabels.Boxes)] = (new WeakLabels { Boxes = [new Box2D(1, 1, 3, 3, 0, 1)] }, BenchSupervision.Boxes),
            [nameof(WeakLabels.Boxes3D)] = (new WeakLabels { Boxes3D = [new Box3D(1, 1, 0, 3, 3, 2, 1)] }, BenchSupervision.Boxes),
            [nameof(WeakLabels.Scribbles)] = (new WeakLabels { Scribbles = [new Scribble([new PlanePoint(1, 1)], 1, 0, 1)] }, BenchSupervision.Scribbles),
            [nameof(WeakLabels.Points)] = (new WeakLabels { Points = [new LabelPoint(1, 1, 0, 1)] }, BenchSupervision.Points),
            [nameof(WeakLabels.Tags)] = (new WeakLabels { Tags = [new Tag(1, true)] }, BenchSupervision.Tags),
            [nameof(WeakLabels.Masks)] = (new WeakLabels { Masks = [new SliceMask(2, 2, [0, 4], 0, 1)] }, BenchSupervision.FullMasks),
        };
        var kinds = typeof(WeakLabels).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            .Select(p => p.Name)
            .ToList();

        Assert.Equal(kinds.Order(), samples.Keys.Order());
        foreach (var (name, (labels, kind)) in samples)
        {
            Assert.True(SupervisionObjective.KindsOf(labels).SequenceEqual([kind]), name);
        }

        Assert.Empty(SupervisionObjective.KindsOf(WeakLabels.Empty));
    }

    [Fact]
    public void A_mix_takes_each_term_at_its_larger_weight_each_switch_where_either_has_it_and_a_term_s_options_from_who_weighs_it()
    {
        var kernel = new GatedCrfOptions(Radius: 2);
        var tightness = new BoxTightnessOptions(Alpha: 4);
        var scribbles = new ObjectiveWeights(CrossEntropy: 1, Entropy: 0.1, GatedCrf: 0.2, Box: 0, Size: 5, Tag: 0, NegativeTag: 1)
        {
            GatedCrfKernel = kernel, BalanceClasses = true, SizeShortfall = 3, RegulariserWarmUp = 20,
        };
        var boxes = new ObjectiveWeights(CrossEntropy: 0.5, Entropy: 0.3, GatedCrf: 0, Box: 2, Size: 0, Tag: 1, NegativeTag: 0)
        {
            BoxTightness = tightness, MarginalEntropy = true, AbsentTagMaps = true, SizeShortfall = 1, RegulariserWarmUp = 50,
        };
        var expected = new ObjectiveWeights(CrossEntropy: 1, Entropy: 0.3, GatedCrf: 0.2, Box: 2, Size: 5, Tag: 1, NegativeTag: 1)
        {
            GatedCrfKernel = kernel, BoxTightness = tightness, BalanceClasses = true, MarginalEntropy = true, AbsentTagMaps = true,
            SizeShortfall = 3, RegulariserWarmUp = 50,
        };

        Assert.Equal(expected, SupervisionObjective.Union(scribbles, boxes));
        Assert.Equal(expected, SupervisionObjective.Union(boxes, scribbles));
        Assert.Equal(
            SupervisionObjective.Union(BenchCase.Scribbles.Weights, BenchCase.Boxes.Weights),
            SupervisionObjective.For([BenchSupervision.Boxes, BenchSupervision.Scribbles, BenchSupervision.Boxes]));
    }

    [Fact]
    public void The_union_decides_every_weight_an_objective_has()
    {
        // A weight added to ObjectiveWeights must be combined in SupervisionObjective.Union (else a job mixing kinds would take
        // it from whichever kind comes first), then listed here.
        string[] combined = ["CrossEntropy", "Entropy", "GatedCrf", "Box", "Size", "Tag", "NegativeTag", "GatedCrfKernel", "BoxTightness",
            "BalanceClasses", "MarginalEntropy", "AbsentTagMaps", "SizeShortfall", "RegulariserWarmUp"];
        var properties = typeof(ObjectiveWeights).GetProperties().Where(p => p.GetMethod is { IsStatic: false }).Select(p => p.Name);

        Assert.Equal(combined.Order(), properties.Order());
    }
}
