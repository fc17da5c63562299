using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Checkpoints;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;

namespace WeakSegPortal.Training.Tests.Learning;

/// <summary>
/// A fresh network's class head starts from the labelled pixels' class shares, so that unlabelled pixels start as background
/// (README, run H (flood): without it the 60-step scribble training tipped every pixel to an organ in its first 20 steps and the
/// unlabelled air kept it); a trained or loaded network's head is left as it is.
/// </summary>
public class ClassShareStartTests
{
    private const double Tiny = 1e-12; // a learning rate that leaves the weights where they started, to within 1e-9

    [Fact]
    public void A_fresh_network_starts_its_class_head_from_the_labelled_pixels_class_shares()
    {
        // 8×8: 36 background, 12 class 1, 4 class 2, 12 unlabelled pixels.
        using var net = new UNet(new UNetOptions(3, Depth: 2, BaseChannels: 4));
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 1, BatchSize: 1, LearningRate: Tiny));

        trainer.Train([Example(36, 12, 4, 12)], null, CancellationToken.None);

        Assert.Equal([Math.Log(36 / 52.0), Math.Log(12 / 52.0), Math.Log(4 / 52.0)], HeadBias(net), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.False(net.IsFresh);
    }

    [Fact]
    public void A_class_nobody_labelled_starts_at_the_smallest_share()
    {
        using var net = new UNet(new UNetOptions(3, Depth: 2, BaseChannels: 4));
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 1, BatchSize: 1, LearningRate: Tiny));

        trainer.Train([Example(48, 16, 0, 0)], null, CancellationToken.None);

        Assert.Equal([Math.Log(0.75), Math.Log(0.25), Math.Log(UNet.SmallestShare)], HeadBias(net), (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void A_box_counts_its_pixels_for_its_class()
    {
        // Boxes alone: the background outside them is labelled (48 px), the 4×4 box of class 1 is not labelled pixel by pixel.
        using var net = new UNet(new UNetOptions(3, Depth: 2, BaseChannels: 4));
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 1, BatchSize: 1, LearningRate: Tiny));
        var example = Example(48, 0, 0, 16) with { Boxes = [new TrainingBox(0, 1, 4, 4, 7, 7)], LabelledClasses = [true, true, false] };

        trainer.Train([example], null, CancellationToken.None);

        Assert.Equal([Math.Log(0.75), Math.Log(0.25), Math.Log(UNet.SmallestShare)], HeadBias(net), (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void A_caller_that_steps_its_own_batches_starts_a_fresh_head_first_or_is_refused()
    {
        // The worker steps its own batches per epoch: without StartFrom its fresh network would train from the random head.
        using var net = new UNet(new UNetOptions(3, Depth: 2, BaseChannels: 4));
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 1, BatchSize: 1, LearningRate: Tiny));
        var example = Example(36, 12, 4, 12);
        using (var batch = TrainingBatch.From([example]))
        {
            Assert.Throws<InvalidOperationException>(() => trainer.Step(batch));
        }

        trainer.StartFrom([example]);
        using (var batch = TrainingBatch.From([example]))
        {
            trainer.Step(batch);
        }

        Assert.Equal([Math.Log(36 / 52.0), Math.Log(12 / 52.0), Math.Log(4 / 52.0)], HeadBias(net), (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void A_network_trained_before_or_loaded_from_a_checkpoint_keeps_its_class_head()
    {
        using var net = new UNet(new UNetOptions(3, Depth: 2, BaseChannels: 4));
        using (var first = new Trainer(net, new TrainerOptions(Steps: 1, BatchSize: 1, LearningRate: Tiny)))
        {
            first.Train([Example(36, 12, 4, 12)], null, CancellationToken.None); // as the worker's first epoch
        }
        var trained = HeadBias(net);
        using (var next = new Trainer(net, new TrainerOptions(Steps: 1, BatchSize: 1, LearningRate: Tiny)))
        {
            next.Train([Example(4, 30, 30, 0)], null, CancellationToken.None); // the next epoch, or other labels
        }
        Assert.Equal(trained, HeadBias(net), (a, b) => Math.Abs(a - b) < 1e-6);

        using var stream = new MemoryStream();
        ModelCheckpoint.Save(net, stream);
        stream.Position = 0;
        using var loaded = ModelCheckpoint.Load(stream);
        Assert.False(loaded.IsFresh);
        using (var resumed = new Trainer(loaded, new TrainerOptions(Steps: 1, BatchSize: 1, LearningRate: Tiny)))
        {
            resumed.Train([Example(4, 30, 30, 0)], null, CancellationToken.None);
        }
        Assert.Equal(trained, HeadBias(loaded), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    private static double[] HeadBias(UNet net) =>
        net.named_parameters().Single(p => p.name == "head.bias").parameter.data<float>().ToArray().Select(v => (double)v).ToArray();

    private static TrainingExample Example(int background, int organ1, int organ2, int unlabelled)
    {
        var target = Enumerable.Repeat(0L, background).Concat(Enumerable.Repeat(1L, organ1)).Concat(Enumerable.Repeat(2L, organ2))
            .Concat(Enumerable.Repeat(PartialCrossEntropy.Ignore, unlabelled)).ToArray();
        var input = Enumerable.Range(0, 64).Select(i => (float)(target[i] + 1) / 4).ToArray();
        return new TrainingExample(input, 1, 8, 8, target, [true, organ1 > 0, organ2 > 0], [], [TagClassificationLoss.Unknown, TagClassificationLoss.Unknown], []);
    }
}
