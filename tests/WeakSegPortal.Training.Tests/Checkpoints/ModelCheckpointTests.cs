using WeakSegPortal.ML.Models;
using System.Text;
using WeakSegPortal.Training.Checkpoints;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Checkpoints;

public class ModelCheckpointTests
{
    private static readonly UNetOptions Shape = new(Classes: 3, Depth: 3, BaseChannels: 4, NeighbourSlices: 1, Tags: 2);

    [Fact]
    public void Weights_buffers_and_predictions_are_equal_after_a_round_trip()
    {
        using var original = new UNet(Shape);
        using (var warm = original.forward(rand(2, 3, 16, 16))) { } // train mode: moves the batch-norm running statistics off their defaults
        using var file = new MemoryStream();

        ModelCheckpoint.Save(original, file);
        file.Position = 0;
        using var loaded = ModelCheckpoint.Load(file, Shape);

        Assert.Equal(Shape, loaded.Options);
        var before = original.state_dict();
        var after = loaded.state_dict();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, entry => Assert.True(entry.Value.eq(after[entry.Key]).all().item<bool>(), $"{entry.Key} changed"));
        Assert.Contains(before, entry => entry.Key.EndsWith("running_mean", StringComparison.Ordinal));
        using var stranger = new UNet(Shape); // the comparison can fail: another initialisation differs
        Assert.False(stranger.state_dict()["head.weight"].eq(before["head.weight"]).all().item<bool>());
        original.eval();
        loaded.eval();
        using var input = rand(1, 3, 16, 16);
        using var expected = original.forward(input);
        using var actual = loaded.forward(input);
        Assert.True(expected.eq(actual).all().item<bool>());
    }

    [Theory]
    [InlineData(4, 3, 1, 2, "predicts 3 classes (background included); this project needs 4")]
    [InlineData(3, 3, 0, 2, "takes 3 input channel(s) (1 neighbouring slice(s) each side); this training uses 1")]
    [InlineData(3, 4, 1, 2, "has depth 3; this training uses depth 4")]
    [InlineData(3, 3, 1, 0, "tag head predicts 2 tag(s); this training needs 0")]
    public void A_checkpoint_of_another_network_is_refused_naming_the_mismatch(int classes, int depth, int neighbours, int tags, string reason)
    {
        using var file = Saved(Shape);

        var refused = Assert.Throws<IncompatibleCheckpointException>(() =>
            ModelCheckpoint.Load(file, new UNetOptions(classes, depth, Shape.BaseChannels, neighbours, tags)));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_refused_with_the_reason()
    {
        using var bare = new UNet(Shape);
        using var torchOnly = new MemoryStream();
        using (var writer = new BinaryWriter(torchOnly, Encoding.UTF8, leaveOpen: true))
        {
            bare.save(writer); // TorchSharp's format alone: no header says what network it is
        }
        torchOnly.Position = 0;

        var refused = Assert.Throws<IncompatibleCheckpointException>(() => ModelCheckpoint.Load(torchOnly));

        Assert.Contains("not a WeakSegPortal U-Net checkpoint", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_checkpoint_saved_when_the_network_had_ReLU_activations_is_refused_with_the_reason(int version)
    {
        // Formats 1 and 2: the same tensors, but ReLU activations (and in 1 the head after the last), so its weights would predict otherwise here.
        using var whole = Saved(Shape);
        var bytes = whole.ToArray();
        var at = "WEAKSEG-UNET\n".Length;
        Assert.Equal(CheckpointFormat.FormatVersion, BitConverter.ToInt32(bytes, at));
        BitConverter.GetBytes(version).CopyTo(bytes, at);

        var refused = Assert.Throws<IncompatibleCheckpointException>(() => ModelCheckpoint.Load(new MemoryStream(bytes), Shape));

        Assert.Contains($"format version {version}, whose network had ReLU activations", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_not_half_loaded()
    {
        using var whole = Saved(Shape);
        using var truncated = new MemoryStream(whole.ToArray()[..(int)(whole.Length / 2)]);

        var refused = Assert.Throws<IncompatibleCheckpointException>(() => ModelCheckpoint.Load(truncated));

        Assert.Contains("weights cannot be read", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_that_does_not_match_its_weights_is_refused_naming_the_tensor()
    {
        // Header and weights of a 4-channel net, with the header's stated width changed to 8.
        using var whole = Saved(Shape);
        var bytes = whole.ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        var at = text.IndexOf("\"BaseChannels\":4", StringComparison.Ordinal);
        Assert.True(at > 0);
        bytes[at + "\"BaseChannels\":".Length] = (byte)'8';

        var refused = Assert.Throws<IncompatibleCheckpointException>(() => ModelCheckpoint.Load(new MemoryStream(bytes)));

        Assert.Matches(@"tensor '[a-z0-9_.]+' has shape \[\d+(, \d+)*\]; its stated network needs \[", refused.Message);
    }

    private static MemoryStream Saved(UNetOptions options)
    {
        using var network = new UNet(options);
        var file = new MemoryStream();
        ModelCheckpoint.Save(network, file);
        file.Position = 0;
        return file;
    }
}
