using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using WeakSegPortal.ML.Models;
using WeakSegPortal.ML.ProjectModels;
using WeakSegPortal.Training.Export;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Export;

/// <summary>The exported graph computes what the network computes: TorchSharp (eval mode) and ONNX Runtime on the same input.</summary>
public class UNetOnnxExportTests
{
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData(1, 4, 0, 2, true)]
    [InlineData(2, 4, 0, 0, false)]
    [InlineData(2, 4, 0, 0, true)]
    [InlineData(3, 4, 1, 0, false)]
    [InlineData(3, 4, 1, 0, true)]
    [InlineData(4, 4, 2, 2, true)]
    public void TorchSharp_and_ONNX_Runtime_agree_within_1e_4_on_the_same_input(int depth, int width, int neighbours, int tags, bool trained)
    {
        random.manual_seed(7 + depth);
        var options = new UNetOptions(Classes: 3, depth, width, neighbours, tags);
        using var net = new UNet(options);
        if (trained)
        {
            TrainBriefly(net, options);
        }

        using var session = new InferenceSession(UNetOnnxExport.ToBytes(net));

        // Two sizes and batch sizes through one session: batch, height and width are free in the graph.
        foreach (var (batch, height, w) in new[] { (2, 32, 24), (1, 16, 40) })
        {
            using var input = rand(batch, options.InputChannels, height, w) * 3 - 1;
            var values = input.data<float>().ToArray();
            var (expected, expectedTags) = Torch(net, input);

            var feed = new[] { NamedOnnxValue.CreateFromTensor(ProjectModelSignature.Input, new DenseTensor<float>(values, [batch, options.InputChannels, height, w])) };
            using var outputs = session.Run(feed);
            var probabilities = outputs.Single(o => o.Name == ProjectModelSignature.Probabilities).AsTensor<float>();

            Assert.Equal([batch, 3, height, w], probabilities.Dimensions.ToArray());
            AssertClose(expected, probabilities.ToArray());
            if (tags > 0)
            {
                AssertClose(expectedTags!, outputs.Single(o => o.Name == ProjectModelSignature.TagProbabilities).AsTensor<float>().ToArray());
            }
            else
            {
                Assert.DoesNotContain(outputs, o => o.Name == ProjectModelSignature.TagProbabilities);
            }
        }
    }

    [Fact]
    public void The_graph_declares_the_signature_the_engine_checks()
    {
        using var net = new UNet(new UNetOptions(Classes: 4, Depth: 2, BaseChannels: 4, NeighbourSlices: 1));

        using var session = new InferenceSession(UNetOnnxExport.ToBytes(net));

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal(ProjectModelSignature.Input, input.Key);
        Assert.Equal([-1, 3, -1, -1], input.Value.Dimensions);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal(ProjectModelSignature.Probabilities, output.Key);
        Assert.Equal([-1, 4, -1, -1], output.Value.Dimensions);
    }

    private static (float[] Probabilities, float[]? Tags) Torch(UNet net, TorchSharp.torch.Tensor input)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        net.eval();
        var output = net.Run(input);
        var probabilities = output.Logits.softmax(1).contiguous().data<float>().ToArray();
        var tags = output.TagLogits?.sigmoid().contiguous().data<float>().ToArray();
        return (probabilities, tags);
    }

    /// <summary>A few steps on random labels: the weights move and batch normalisation's running statistics leave 0 and 1.</summary>
    private static void TrainBriefly(UNet net, UNetOptions options)
    {
        var generator = new Random(3);
        var examples = Enumerable.Range(0, 4).Select(_ =>
        {
            const int side = 16;
            var input = Enumerable.Range(0, options.InputChannels * side * side).Select(_ => (float)generator.NextDouble()).ToArray();
            var target = Enumerable.Range(0, side * side).Select(_ => generator.Next(4) == 0 ? PartialCrossEntropy.Ignore : generator.Next(options.Classes)).Select(t => (long)t).ToArray();
            var tags = Enumerable.Repeat(TagClassificationLoss.Unknown, options.Classes - 1).ToArray();
            return new TrainingExample(input, options.InputChannels, side, side, target, Enumerable.Repeat(true, options.Classes).ToArray(), [], tags, []);
        }).ToList();
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 4, BatchSize: 2, LearningRate: 1e-2));
        trainer.Train(examples, null, CancellationToken.None);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= Tolerance, $"largest difference {worst:E2}");
    }
}
