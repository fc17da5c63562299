using WeakSegPortal.Core.Labels;
using WeakSegPortal.Training.Learning;

namespace WeakSegPortal.Training.Bench;

/// <summary>
/// The one rule for what each kind of supervision trains with, read by the benchmark and by the worker's training job alike:
/// a kind's objective is its reliability-weighted benchmark row's (<see cref="BenchCase"/>, where the weights are tuned and
/// measured; tuning a row's weights there changes the worker's objective with it). A job whose labels mix kinds trains with
/// the union of its kinds' objectives (<see cref="Union"/>); no benchmark row measures a mix.
/// </summary>
public static class SupervisionObjective
{
    /// <summary>The benchmark row whose objective a kind trains with.</summary>
    public static BenchCase RowOf(BenchSupervision kind) => kind switch
    {
        BenchSupervision.FullMasks => BenchCase.Full,
        BenchSupervision.Scribbles => BenchCase.Scribbles,
        BenchSupervision.Boxes => BenchCase.Boxes,
        BenchSupervision.Points => BenchCase.Points,
        BenchSupervision.Tags => BenchCase.Tags,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "This kind of supervision has no objective: give it a benchmark row here."),
    };

    /// <summary>What a row's segmentation network trains with: the row's weights; for tags (the second stage, on the pseudo-masks) without the tag term.</summary>
    public static ObjectiveWeights Segmentation(BenchCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Supervision == BenchSupervision.Tags ? row.Weights with { Tag = 0 } : row.Weights;
    }

    /// <summary>What a row's tag stage classifier trains with (<see cref="TagPseudoMaskStage.ClassifierWeights"/> with the row's negative tags and absent-tag maps).</summary>
    public static ObjectiveWeights Classifier(BenchCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return TagPseudoMaskStage.ClassifierWeights(row.Weights.NegativeTag, row.Weights.AbsentTagMaps);
    }

    /// <summary>The segmentation objective of a job that learns from these kinds: one kind's row's, several kinds' union.</summary>
    public static ObjectiveWeights For(IEnumerable<BenchSupervision> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var objectives = kinds.Distinct().Order().Select(k => Segmentation(RowOf(k))).ToList();
        return objectives.Count > 0 ? objectives.Aggregate(Union) : throw new ArgumentException("A job needs at least one kind of supervision.", nameof(kinds));
    }

    /// <summary>
    /// Two kinds' objectives in one: each term at the larger weight (a term acts only on a batch holding its labels), each
    /// switch on where either has it on (a mix carries both kinds' failure: scribbles' small organ outvoted, boxes' unknown
    /// organ flooding), a term's options from the first objective that weighs the term.
    /// </summary>
    public static ObjectiveWeights Union(ObjectiveWeights first, ObjectiveWeights second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return first with
        {
            CrossEntropy = Math.Max(first.CrossEntropy, second.CrossEntropy),
            Entropy = Math.Max(first.Entropy, second.Entropy),
            GatedCrf = Math.Max(first.GatedCrf, second.GatedCrf),
            Box = Math.Max(first.Box, second.Box),
            Size = Math.Max(first.Size, second.Size),
            Tag = Math.Max(first.Tag, second.Tag),
            NegativeTag = Math.Max(first.NegativeTag, second.NegativeTag),
            SizeShortfall = Math.Max(first.SizeShortfall, second.SizeShortfall),
            RegulariserWarmUp = Math.Max(first.RegulariserWarmUp, second.RegulariserWarmUp),
            GatedCrfKernel = first.GatedCrf > 0 ? first.GatedCrfKernel : second.GatedCrfKernel,
            BoxTightness = first.Box > 0 ? first.BoxTightness : second.BoxTightness,
            BalanceClasses = first.BalanceClasses || second.BalanceClasses,
            MarginalEntropy = first.MarginalEntropy || second.MarginalEntropy,
            AbsentTagMaps = first.AbsentTagMaps || second.AbsentTagMaps,
        };
    }

    /// <summary>The kinds of supervision one annotator's (or the adjudicated) labels hold: every label kind has one.</summary>
    public static IEnumerable<BenchSupervision> KindsOf(WeakLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Masks.Count > 0)
        {
            yield return BenchSupervision.FullMasks;
        }

        if (labels.Scribbles.Count > 0)
        {
            yield return BenchSupervision.Scribbles;
        }

        if (labels.Boxes.Count > 0 || labels.Boxes3D.Count > 0)
        {
            yield return BenchSupervision.Boxes;
        }

        if (labels.Points.Count > 0)
        {
            yield return BenchSupervision.Points;
        }

        if (labels.Tags.Count > 0)
        {
            yield return BenchSupervision.Tags;
        }
    }
}
