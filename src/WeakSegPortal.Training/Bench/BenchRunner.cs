using System.Diagnostics;
using System.Globalization;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Bench;

/// <summary>Trains one U-Net per case on the same split and scores each on the held-out items' exact truth.</summary>
/// <remarks>
/// Split: the last <see cref="BenchOptions.TestShare"/> of the items are held out (gold). Their annotators' labels against
/// their truth give each annotator's reliability (<see cref="CrowdReliability.FromGold"/>, all label kinds pooled) and their
/// masks the size prior of the pixel-label cases that weigh one (per class, 0.7 × the smallest to 1.3 × the largest slice area seen). Each weak case takes only
/// its kind of label from every annotator (the careless one included) and builds one example per labelled slice with
/// <see cref="CrowdLabels"/>; plain majority replaces every reliability by 1.
/// </remarks>
public sealed class BenchRunner
{
    private readonly BenchSet set;
    private readonly BenchOptions options;
    private readonly List<BenchItem> train;
    private readonly List<BenchItem> test;
    private readonly IReadOnlyDictionary<Guid, double> reliability;
    private readonly Dictionary<int, (double Min, double Max)> sizePrior;

    public BenchRunner(BenchSet set, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (this.set, this.options) = (set, options);
        var held = Math.Clamp((int)Math.Ceiling(set.Items.Count * options.TestShare), 1, set.Items.Count - 1);
        train = set.Items.Take(set.Items.Count - held).ToList();
        test = set.Items.Skip(set.Items.Count - held).ToList();
        reliability = CrowdReliability.FromGold(test.Select(i => (i.Grid, i.Annotators, i.Truth)).ToList(), set.Classes);
        sizePrior = GoldSizePrior.From(test.SelectMany(i => Enumerable.Range(0, i.Grid.Nz).Select(k => new ReadOnlyMemory<byte>(i.Truth, k * i.Grid.SliceSize, i.Grid.SliceSize))), set.Classes);
    }

    public int TrainItems => train.Count;

    public int TestItems => test.Count;

    /// <summary>Each annotator's measured reliability on the held-out items.</summary>
    public IReadOnlyDictionary<Guid, double> Reliability => reliability;

    /// <summary>Called after each case with every item's predicted class map (held-out items first), to look at what was learnt.</summary>
    public Action<BenchCase, IReadOnlyList<BenchPrediction>>? PredictionsMade { get; init; }

    /// <summary>Called in the tag case with the pseudo-mask of every training item's first slice (class per pixel, <see cref="BenchPrediction.Unlabelled"/> where left out).</summary>
    public Action<BenchCase, IReadOnlyList<BenchPrediction>>? PseudoMasksMade { get; init; }

    /// <summary>Called in the tag case with every training item's raw class activation maps on its first slice (tag after tag, x fastest), to look at what the classifier marks.</summary>
    public Action<BenchCase, IReadOnlyList<(BenchItem Item, float[] Maps)>>? TagMapsMade { get; init; }

    /// <summary>Every this many steps (0: never), the run's log gets the mean training loss since the last line and each class's predicted pixels summed over the training items (read in eval mode, then back to training) — to tell a late collapse from a run that never learns.</summary>
    public int TraceEvery { get; init; }

    private TextWriter? traceLog;

    public IReadOnlyList<BenchRow> Run(IReadOnlyList<BenchCase> cases, TextWriter? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var rows = new List<BenchRow>();
        double? full = null;
        traceLog = log;
        foreach (var benchCase in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var examples = Examples(benchCase);
            var labelled = examples.Count == 0 ? 0 : examples.Average(e => e.Target.Count(t => t >= 0) / (double)e.Target.Length);
            using var network = benchCase.Supervision == BenchSupervision.Tags
                ? TrainFromTags(examples, benchCase, cancellationToken)
                : Train(examples, SupervisionObjective.Segmentation(benchCase), tags: 0, cancellationToken);
            var (dice, hd95) = Score(network);
            PredictionsMade?.Invoke(benchCase, test.Select(i => new BenchPrediction(i, Predict(network, i), true))
                .Concat(train.Select(i => new BenchPrediction(i, Predict(network, i), false))).ToList());
            if (benchCase.Supervision == BenchSupervision.FullMasks)
            {
                full = dice;
            }
            var share = benchCase.Supervision == BenchSupervision.FullMasks ? 100 : full is { } f && f > 0 ? 100 * dice / f : double.NaN;
            var row = new BenchRow(benchCase.Name, dice, hd95, share, labelled, clock.Elapsed.TotalSeconds);
            rows.Add(row);
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Case}: Dice {row.Dice:F3}, HD95 {row.Hd95Mm:F2} mm, {row.PercentOfFull:F1}% of full, {examples.Count} examples, {row.Seconds:F0} s"));
        }
        return rows;
    }

    private List<TrainingExample> Examples(BenchCase benchCase)
    {
        var examples = new List<TrainingExample>();
        foreach (var item in train)
        {
            var annotators = item.Annotators
                .Select(a => new AnnotatorWeakLabels(a.AnnotatorId, benchCase.Weighted ? reliability.GetValueOrDefault(a.AnnotatorId, 1) : 1, Only(a.Labels, benchCase.Supervision)))
                .ToList();
            for (var k = 0; k < item.Grid.Nz; k++)
            {
                var input = item.Image.AsSpan(k * item.Grid.SliceSize, item.Grid.SliceSize).ToArray();
                if (benchCase.Supervision == BenchSupervision.FullMasks)
                {
                    examples.Add(new TrainingExample(input, 1, item.Grid.Nx, item.Grid.Ny,
                        item.Truth.AsSpan(k * item.Grid.SliceSize, item.Grid.SliceSize).ToArray().Select(v => (long)v).ToArray(),
                        Enumerable.Repeat(true, set.Classes).ToArray(), [], Unknown(set.Classes), []));
                    continue;
                }
                var sized = benchCase.Weights.Size > 0 && benchCase.Supervision is BenchSupervision.Points or BenchSupervision.Scribbles;
                var example = CrowdSliceExample.ForSlice(input, 1, item.Grid, k, null, annotators, set.Classes, sized ? sizePrior : null);
                if (example.Target.Any(t => t >= 0) || example.Boxes.Count > 0 || example.Tags.Any(t => t != TagClassificationLoss.Unknown))
                {
                    examples.Add(example);
                }
            }
        }
        return examples;
    }

    private static WeakLabels Only(WeakLabels labels, BenchSupervision supervision) => supervision switch
    {
        BenchSupervision.Scribbles => new WeakLabels { Scribbles = labels.Scribbles },
        BenchSupervision.Boxes => new WeakLabels { Boxes = labels.Boxes },
        BenchSupervision.Points => new WeakLabels { Points = labels.Points },
        BenchSupervision.Tags => new WeakLabels { Tags = labels.Tags },
        _ => WeakLabels.Empty,
    };

    private static float[] Unknown(int classes) => Enumerable.Repeat(TagClassificationLoss.Unknown, classes - 1).ToArray();

    private UNet Train(List<TrainingExample> examples, ObjectiveWeights weights, int tags, CancellationToken cancellationToken)
    {
        random.manual_seed(options.Seed);
        var network = new UNet(new UNetOptions(set.Classes, options.Depth, options.BaseChannels, Tags: tags));
        if (examples.Count == 0)
        {
            return network;
        }
        using var trainer = new Trainer(network, new TrainerOptions(options.Steps, options.BatchSize, options.LearningRate, Seed: options.Seed) { Weights = weights, Schedule = options.Schedule });
        trainer.Train(examples, TraceEvery > 0 && traceLog is not null ? new TrainingTrace(network, train, set.Classes, TraceEvery, traceLog) : null, cancellationToken);
        return network;
    }

    /// <summary>Tags: a first network learns the tags (classification head, negative tags); its class activation maps become pseudo-masks for the second.</summary>
    private UNet TrainFromTags(List<TrainingExample> examples, BenchCase benchCase, CancellationToken cancellationToken)
    {
        using var classifier = Train(TagPseudoMaskStage.ClassifierExamples(examples), SupervisionObjective.Classifier(benchCase), set.Classes - 1, cancellationToken);
        ShowTagMaps(benchCase, classifier, examples);
        var pseudo = TagPseudoMaskStage.Apply(classifier, examples, benchCase.GrowTolerance);
        ShowPseudoMasks(benchCase, pseudo);
        return Train(pseudo, SupervisionObjective.Segmentation(benchCase), 0, cancellationToken);
    }

    /// <summary>The examples come item after item, one per labelled slice: the first of each 2D item is its pseudo-mask.</summary>
    private void ShowPseudoMasks(BenchCase benchCase, List<TrainingExample> pseudo)
    {
        if (PseudoMasksMade is null || train.Any(i => i.Grid.Nz != 1) || pseudo.Count != train.Count)
        {
            return;
        }
        PseudoMasksMade(benchCase, train.Zip(pseudo, (item, example) => new BenchPrediction(item,
            example.Target.Select(t => t < 0 ? BenchPrediction.Unlabelled : (byte)t).ToArray(), false)).ToList());
    }

    private void ShowTagMaps(BenchCase benchCase, UNet classifier, List<TrainingExample> examples)
    {
        if (TagMapsMade is null || train.Any(i => i.Grid.Nz != 1) || examples.Count != train.Count)
        {
            return;
        }
        TagMapsMade(benchCase, train.Zip(examples, (item, example) => (item, ClassActivationPseudoMask.Maps(classifier, example))).ToList());
    }

    private (double Dice, double Hd95) Score(UNet network)
    {
        double dice = 0, hd95 = 0;
        var scored = 0;
        foreach (var item in test)
        {
            var (d, h, classes) = SegmentationScore.Of(Predict(network, item), item.Truth, item.Grid, set.Classes);
            (dice, hd95, scored) = (dice + d, hd95 + h, scored + classes);
        }
        return scored == 0 ? (double.NaN, double.NaN) : (dice / scored, hd95 / scored);
    }

    /// <summary>Writes the mean loss and the predicted class areas on the training items every few steps (<see cref="TraceEvery"/>).</summary>
    private sealed class TrainingTrace(UNet network, IReadOnlyList<BenchItem> items, int classes, int every, TextWriter log) : IProgress<TrainingProgress>
    {
        private readonly string truth = string.Join(" / ", Enumerable.Range(0, classes).Select(c => items.Sum(i => (long)i.Truth.Count(v => v == c))));
        private double sum;
        private int count;

        public void Report(TrainingProgress value)
        {
            (sum, count) = (sum + value.Loss, count + 1);
            if (value.Step % every != 0 && value.Step != 1)
            {
                return;
            }
            var predicted = new long[classes];
            foreach (var item in items)
            {
                foreach (var v in Predict(network, item))
                {
                    predicted[v]++;
                }
            }
            network.train();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  step {value.Step}: loss {sum / count:F4}; predicted px per class {string.Join(" / ", predicted)} (truth {truth})"));
            (sum, count) = (0, 0);
        }
    }

    private static byte[] Predict(UNet network, BenchItem item)
    {
        var predicted = new byte[item.Grid.Count];
        for (var k0 = 0; k0 < item.Grid.Nz; k0 += 16)
        {
            var count = Math.Min(16, item.Grid.Nz - k0);
            using var input = tensor(item.Image.AsSpan(k0 * item.Grid.SliceSize, count * item.Grid.SliceSize).ToArray(), [count, 1, item.Grid.Ny, item.Grid.Nx]);
            var slices = Segmenter.Predict(network, input);
            for (var n = 0; n < count; n++)
            {
                slices[n].CopyTo(predicted, (k0 + n) * item.Grid.SliceSize);
            }
        }
        return predicted;
    }
}
