using TorchSharp;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Network;

/// <summary>
/// The class head must keep a gradient into the network wherever a class's pixels fall. With a ReLU between the last level
/// and the 1×1 head, pixels whose last-level channels are all negative get the head's bias as logits and no gradient below
/// the head: at full masks, training seed 2, the benchmark's small organ fell there and was never predicted. Inner levels
/// must not die either (leaky ReLUs).
/// </summary>
public class ClassHeadTests
{
    /// <summary>
    /// The last level's batch normalisation shifted by −10: in train mode its standardised values over N = 64 pixels lie
    /// within ±√(N − 1) ≈ 7.9, so every last-level channel is negative at every pixel, whatever the weights.
    /// </summary>
    private static UNet NetWithEveryLastLevelChannelNegative(int depth)
    {
        random.manual_seed(3);
        var net = new UNet(new UNetOptions(Classes: 3, Depth: depth, BaseChannels: 4));
        var lastNorm = depth == 1 ? "down.0.norm2.bias" : $"decode.{depth - 2}.norm2.bias";
        using var noGrad = no_grad();
        net.named_parameters().Single(p => p.name == lastNorm).parameter.fill_(-10);
        return net;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Where_every_last_level_channel_is_negative_the_logits_still_differ_from_pixel_to_pixel(int depth)
    {
        using var net = NetWithEveryLastLevelChannelNegative(depth);
        net.train();
        using var scope = NewDisposeScope();
        var input = rand(1, 1, 8, 8);

        var logits = net.forward(input);

        var bias = net.named_parameters().Single(p => p.name == "head.bias").parameter.reshape(1, 3, 1, 1);
        Assert.False(logits.allclose(bias.expand_as(logits), rtol: 0, atol: 1e-4), "the logits are the head's bias at every pixel");
        Assert.True(logits.std([2L, 3L]).min().item<float>() > 1e-3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_cross_entropy_of_a_small_class_reaches_the_network_below_the_head_where_every_last_level_channel_is_negative(int depth)
    {
        using var net = NetWithEveryLastLevelChannelNegative(depth);
        net.train();
        using var scope = NewDisposeScope();
        var input = rand(1, 1, 8, 8);
        var truth = zeros(1, 8, 8, dtype: ScalarType.Int64);
        truth[0, 3, 3] = tensor(2L); // one pixel of the small class, as at full masks
        truth[0, 5, 2] = tensor(1L);

        var loss = MarginalCrossEntropy.Compute(net.forward(input), truth, ones(1, 3, dtype: ScalarType.Bool));
        loss.backward();

        var below = net.named_parameters().Where(p => !p.name.StartsWith("head.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(below);
        var reached = below.Where(p => p.parameter.grad is { } g && g.abs().max().item<float>() > 0).Select(p => p.name).ToList();
        Assert.Contains(depth == 1 ? "down.0.conv1.weight" : "decode.0.conv2.weight", reached);
        Assert.Contains("down.0.conv1.weight", reached);
    }

    [Theory]
    [InlineData("down.0.norm1.bias")]
    [InlineData("down.0.norm2.bias")]
    [InlineData("decode.0.norm1.bias")]
    public void The_cross_entropy_reaches_the_first_convolution_through_a_level_whose_channels_are_all_negative(string norm)
    {
        // Inner levels can die as the last one did: a ReLU there stops every gradient below it; a leaky one does not.
        random.manual_seed(3);
        using var net = new UNet(new UNetOptions(Classes: 3, Depth: 2, BaseChannels: 4));
        using (var noGrad = no_grad())
        {
            net.named_parameters().Single(p => p.name == norm).parameter.fill_(-10); // N = 64 pixels: every channel negative, as above
        }
        net.train();
        using var scope = NewDisposeScope();
        var truth = zeros(1, 8, 8, dtype: ScalarType.Int64);
        truth[0, 3, 3] = tensor(2L);

        var loss = MarginalCrossEntropy.Compute(net.forward(rand(1, 1, 8, 8)), truth, ones(1, 3, dtype: ScalarType.Bool));
        loss.backward();

        var first = net.named_parameters().Single(p => p.name == "down.0.conv1.weight").parameter.grad;
        Assert.NotNull(first);
        Assert.True(first.abs().max().item<float>() > 0, $"no gradient reaches the first convolution through {norm}");
    }

    [Fact]
    public void A_short_training_run_from_that_start_learns_to_predict_the_small_class()
    {
        // Before: the features stayed at 0, only the head's bias learnt, and every pixel came out as background.
        using var net = NetWithEveryLastLevelChannelNegative(2);
        var image = new float[64];
        var target = new long[64];
        foreach (var (x, y, c) in new[] { (2, 2, 2L), (3, 2, 2L), (5, 5, 1L), (6, 5, 1L), (5, 6, 1L), (6, 6, 1L) })
        {
            image[y * 8 + x] = c == 2 ? 1f : 0.5f;
            target[y * 8 + x] = c;
        }
        var example = new TrainingExample(image, 1, 8, 8, target, [true, true, true], [], [TagClassificationLoss.Unknown, TagClassificationLoss.Unknown], []);
        var full = ObjectiveWeights.PartialCrossEntropyOnly;
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 60, BatchSize: 1, LearningRate: 1e-2) { Weights = full });

        trainer.Train([example], null, CancellationToken.None);

        using var input = tensor(image, [1, 1, 8, 8]);
        var predicted = Segmenter.Predict(net, input)[0];
        Assert.Equal(2, predicted[2 * 8 + 2]);
        Assert.Equal(2, predicted[2 * 8 + 3]);
    }
}
