using WeakSegPortal.ML.Models;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Training.Bench;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Network;
using WeakSegPortal.Training.Simulation;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Learning;

public class ScribbleTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void A_tiny_U_Net_trained_from_scribbles_segments_held_out_images()
    {
        // 16 training and 4 held-out CT-like phantoms; one careful annotator's scribbles only (about 17% of the pixels: strokes
        // inside the organs, rings around them and a background loop over the outer slice).
        var options = new PhantomOptions(Width: 64, Height: 64);
        var annotator = new SimulatedAnnotator(AnnotatorProfile.Careful("ann-1") with { MissRate = 0 });
        var training = Enumerable.Range(0, 16).Select(s =>
        {
            var phantom = PhantomGenerator.Generate(options, 1000 + s);
            var labels = annotator.Annotate(phantom, WeakLabelKinds.Scribbles, s);
            return WeakTargets.ForSlice(phantom.Image, 1, phantom.Grid, 0, labels, PhantomOptions.Classes);
        }).ToList();
        var heldOut = Enumerable.Range(0, 4).Select(s => PhantomGenerator.Generate(options, 5000 + s)).ToList();
        var labelledShare = training.Average(e => e.Target.Count(t => t >= 0) / (double)e.Target.Length);

        random.manual_seed(1);
        using var net = new UNet(new UNetOptions(PhantomOptions.Classes, Depth: 3, BaseChannels: 8));
        // The objective scribbles train with in the worker and the benchmark (class-balanced pCE, entropy, gated CRF). Until run H
        // this test trained with pCE + entropy alone (ObjectiveWeights.Scribbles), which nothing else trains with: there nothing
        // places an organ's edge inside the unlabelled band between its stroke and its ring, and the code before run H passed
        // only at torch seed 1 (seeds 2 and 3: organ 1 / organ 2 Dice 0.761 / 0.000 and 0.428 / 0.078; README run H (flood)).
        var objective = SupervisionObjective.For([BenchSupervision.Scribbles]);
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 60, BatchSize: 8, LearningRate: 3e-3) { Weights = objective });
        var last = trainer.Train(training, null, CancellationToken.None);

        using var input = tensor(heldOut.SelectMany(p => p.Image).ToArray(), [heldOut.Count, 1, 64, 64]);
        var predicted = Segmenter.Predict(net, input);
        var dice = new double[PhantomOptions.Classes];
        for (var c = 1; c < PhantomOptions.Classes; c++)
        {
            dice[c] = heldOut.Select((p, n) => Overlap.Dice(predicted[n].Select(v => v == c).ToArray(), p.ClassMask(c))).Average();
        }
        output.WriteLine($"labelled {labelledShare:P1} of pixels; {last.Steps} steps in {last.Elapsed.TotalSeconds:F1} s " +
            $"({last.Elapsed.TotalMilliseconds / last.Steps:F0} ms/step), last loss {last.Loss:F3}, {trainer.SkippedSteps} skipped; held-out Dice organ 1 {dice[1]:F3}, organ 2 {dice[2]:F3}");

        Assert.True(labelledShare < 0.25, $"labelled {labelledShare:P1}: no longer sparse scribbles");
        Assert.Equal(0, trainer.SkippedSteps);
        Assert.True(dice[1] > 0.85, $"organ 1 Dice {dice[1]:F3}");
        Assert.True(dice[2] > 0.8, $"organ 2 Dice {dice[2]:F3}");
    }
}
