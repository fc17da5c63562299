using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Bench;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using WeakSegPortal.Training.Simulation;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Learning;

/// <summary>
/// The tag stage as the worker's training job runs it (<see cref="TagPseudoMaskStage"/> with the benchmark's tags row's
/// classifier objective and grow tolerance, <see cref="SupervisionObjective"/>), judged by what it makes: the pseudo-masks
/// of a tiny tag-only set against the phantoms' exact truth.
/// </summary>
public sealed class TagStageQualityTests(ITestOutputHelper output)
{
    private const int Side = 32;

    /// <summary>Phantoms per modality and organ pattern (both organs, large one absent, small one absent): 12 images.</summary>
    private const int PerPattern = 2;

    private const int DataSeed = 5;
    private const int TrainingSeed = 8;

    [Fact]
    public void Tag_only_phantoms_get_pseudo_masks_that_find_the_large_organ()
    {
        var phantoms = Phantoms();
        var examples = phantoms.Select(TagOnly).ToList();
        var row = SupervisionObjective.RowOf(BenchSupervision.Tags);
        manual_seed(TrainingSeed);
        using var classifier = new UNet(new UNetOptions(PhantomOptions.Classes, Depth: 3, BaseChannels: 8, Tags: PhantomOptions.Classes - 1));
        using (var trainer = new Trainer(classifier, new TrainerOptions(Steps: 300, BatchSize: 8, LearningRate: 3e-3, Seed: TrainingSeed) { Weights = SupervisionObjective.Classifier(row) }))
        {
            trainer.Train(TagPseudoMaskStage.ClassifierExamples(examples), null, CancellationToken.None);
        }

        var pseudo = TagPseudoMaskStage.Apply(classifier, examples, row.GrowTolerance);

        var large = Dice(pseudo, phantoms, 1);
        var small = Dice(pseudo, phantoms, 2);
        output.WriteLine($"pseudo-mask Dice: large organ {large:F3}, small organ {small:F3}");
        // Measured 2026-12-06 (one libtorch thread, as every test here): large organ 0.931 with these seeds; with other data
        // and training seeds 0.818, 0.577 and 0.927, so 0.5 leaves a margin for another CPU's arithmetic. A stage whose maps
        // light the body rather than the organ (run D's bug, README) or leave every pixel out scores far lower. The small organ
        // (0.10 here, 0.00–0.15 on the other seeds) is not asserted: its map marks a ring outside it (README, run F).
        Assert.True(large >= 0.5, $"pseudo-mask Dice of the large organ {large:F3} (small organ {small:F3})");
    }

    /// <summary>Per modality (CT-like, MR-like), <see cref="PerPattern"/> phantoms with both organs, as many without the large one and as many without the small one.</summary>
    private static List<Phantom> Phantoms()
    {
        var wanted = new Dictionary<(SimulatedModality, bool, bool), int>();
        var phantoms = new List<Phantom>();
        for (var n = 0; phantoms.Count < 6 * PerPattern; n++)
        {
            var options = n % 2 == 0 ? new PhantomOptions(Side, Side, AbsenceRate: 0.5) : PhantomOptions.MrLike(Side, Side) with { AbsenceRate = 0.5 };
            var phantom = PhantomGenerator.Generate(options, SeededRandom.Mix(DataSeed, n));
            var key = (phantom.Modality, phantom.Present[1], phantom.Present[2]);
            if ((key.Item2 || key.Item3) && wanted.GetValueOrDefault(key) < PerPattern)
            {
                wanted[key] = wanted.GetValueOrDefault(key) + 1;
                phantoms.Add(phantom);
            }
        }

        return phantoms;
    }

    /// <summary>The phantom's slice with its true image tags and nothing else.</summary>
    private static TrainingExample TagOnly(Phantom phantom)
    {
        var tags = Enumerable.Range(1, PhantomOptions.Classes - 1).Select(c => phantom.ClassMask(c).Any(v => v) ? 1f : 0f).ToArray();
        return new TrainingExample(phantom.SliceImage(), 1, Side, Side, Enumerable.Repeat(PartialCrossEntropy.Ignore, Side * Side).ToArray(),
            Enumerable.Repeat(true, PhantomOptions.Classes).ToArray(), [], tags, WeakTargets.SizeBounds(tags, null));
    }

    /// <summary>Dice of one class's pseudo-mask pixels with its true pixels, pooled over every image (a left-out pixel is not the class).</summary>
    private static double Dice(List<TrainingExample> pseudo, List<Phantom> phantoms, int classId)
    {
        long both = 0, predicted = 0, truth = 0;
        for (var n = 0; n < pseudo.Count; n++)
        {
            var mask = phantoms[n].ClassMask(classId);
            for (var v = 0; v < mask.Length; v++)
            {
                var p = pseudo[n].Target[v] == classId;
                both += p && mask[v] ? 1 : 0;
                predicted += p ? 1 : 0;
                truth += mask[v] ? 1 : 0;
            }
        }

        return predicted + truth == 0 ? 1 : 2.0 * both / (predicted + truth);
    }
}
