using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;
using WeakSegPortal.ML.ProjectModels;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.Training.Export;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Export;

/// <summary>An exported U-Net served by the "project-model" engine answers what the network itself predicts.</summary>
public sealed class ExportedModelServingTests : IDisposable
{
    private const int Side = 32;
    private readonly string _folder = Directory.CreateTempSubdirectory("weakseg-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_box_over_the_whole_slice_gives_exactly_the_pixels_where_the_network_s_argmax_is_the_class()
    {
        random.manual_seed(11);
        var options = new UNetOptions(Classes: 3, Depth: 3, BaseChannels: 4, NeighbourSlices: 1);
        using var net = new UNet(options);
        using (no_grad())
        {
            // A freshly initialised head leans to one class everywhere; a sharper one gives every class some pixels.
            var head = net.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            head["head.weight"].mul_(20);
            head["head.bias"].zero_();
        }
        var path = Path.Combine(_folder, "model.onnx");
        UNetOnnxExport.Write(net, path);
        var volume = Volume.FromFloat32(new VolumeGeometry(Side, Side, 3, new Vec3(1, 1, 2), new Vec3(0, 0, 0), Direction3.Identity),
            new VolumeMetadata { Modality = "CT" }, [.. Enumerable.Range(0, Side * Side * 3).Select(n => (float)((n * 37 % 500) - 200))]);
        var input = new NetworkInput(volume, "CT", Side).Channels(1, options.NeighbourSlices);
        var model = new ModelRef(Guid.NewGuid(), 1, new string('c', 64), options.Classes, options.NeighbourSlices, Side);
        using var engine = ProjectModelEngine.Load(path, model, new OnnxSessionFactory { PreferCuda = false });
        var image = PromptImage.FromVolume("item", volume, SliceOrientation.Axial, 1);
        var classes = Argmax(net, input, options.InputChannels);

        var found = 0;
        for (var c = 1; c < options.Classes; c++)
        {
            var suggestion = engine.Suggest(new SuggestionPrompt(image, c) { Box = new Box2D(-0.5, -0.5, Side - 0.5, Side - 0.5, 1) }, input, CancellationToken.None);

            Assert.Equal(classes.Select(k => k == c), suggestion.Mask);
            found += suggestion.Mask.Count(m => m);
        }
        Assert.True(found > 0, "the network predicts no foreground pixel, so the comparison would prove little");
    }

    private static long[] Argmax(UNet net, float[] input, int channels)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        net.eval();
        using var batch = tensor(input, [1, channels, Side, Side]);
        return net.forward(batch).argmax(1).contiguous().data<long>().ToArray();
    }
}
