using WeakSegPortal.ML.Models;
using TorchSharp;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Network;

public class UNetTests
{
    [Theory]
    [InlineData(1, 8, 2)]
    [InlineData(3, 4, 3)]
    [InlineData(4, 8, 4)]
    public void Gives_one_logit_per_class_and_pixel_at_any_depth_and_width(int depth, int width, int classes)
    {
        using var net = new UNet(new UNetOptions(classes, depth, width));
        using var input = rand(2, 1, 32, 24);

        using var logits = net.forward(input);

        Assert.Equal([2L, classes, 32, 24], logits.shape);
    }

    [Fact]
    public void Width_doubles_per_level_so_deeper_and_wider_nets_have_more_parameters()
    {
        using var small = new UNet(new UNetOptions(2, Depth: 3, BaseChannels: 4));
        using var deeper = new UNet(new UNetOptions(2, Depth: 4, BaseChannels: 4));
        using var wider = new UNet(new UNetOptions(2, Depth: 3, BaseChannels: 8));

        Assert.True(Parameters(deeper) > Parameters(small));
        Assert.True(Parameters(wider) > Parameters(small));
    }

    [Fact]
    public void Neighbouring_slices_are_extra_input_channels()
    {
        using var net = new UNet(new UNetOptions(2, Depth: 2, BaseChannels: 4, NeighbourSlices: 1));
        using var stack = rand(1, 3, 16, 16);
        using var single = rand(1, 1, 16, 16);

        using var logits = net.forward(stack);

        Assert.Equal([1L, 2, 16, 16], logits.shape);
        var refused = Assert.Throws<ArgumentException>(() => net.forward(single));
        Assert.Contains("[batch, 3, height, width]", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_side_that_depth_cannot_halve_is_refused_with_the_reason()
    {
        using var net = new UNet(new UNetOptions(2, Depth: 3, BaseChannels: 4));
        using var input = rand(1, 1, 18, 16);

        var refused = Assert.Throws<ArgumentException>(() => net.forward(input));

        Assert.Contains("multiples of 4", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tag_head_maps_each_pixel_at_the_input_resolution_from_the_first_level_and_its_maps_average_to_the_tag_logits()
    {
        using var net = new UNet(new UNetOptions(3, Depth: 3, BaseChannels: 4, Tags: 2));
        net.eval();
        using var input = rand(2, 1, 16, 16);
        using var scope = NewDisposeScope();

        var output = net.Run(input);
        var maps = net.TagActivationMaps(input);
        var fromFeatures = ((TagHead)net.named_children().Single(c => c.name == "tags").module).ActivationMaps(output.Features);

        Assert.Equal([2L, 2], output.TagLogits!.shape);
        Assert.Equal([2L, 2, 16, 16], maps.shape);
        Assert.True(fromFeatures.allclose(maps, rtol: 1e-4, atol: 1e-5));
        Assert.Equal([2L, 4, 16, 16], output.Features.shape); // the first level: base channels, no pooling
        // A per-pixel linear map, then global average pooling: the CAM's spatial mean is the tag logit.
        Assert.True(maps.mean([2L, 3L]).allclose(output.TagLogits, rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void A_slice_stack_gives_the_slice_and_its_neighbours_repeating_the_edge_slice()
    {
        // Three 1×2 slices holding 0, 1, 2; two neighbours on each side of slice 0: slices 0, 0, 0, 1, 2.
        float[] stack = [0, 0, 1, 1, 2, 2];

        using var channels = SliceStackInput.Channels(stack, width: 2, height: 1, slices: 3, slice: 0, neighbours: 2);

        Assert.Equal([5L, 1, 2], channels.shape);
        Assert.Equal([0f, 0, 0, 0, 0, 0, 1, 1, 2, 2], channels.data<float>().ToArray());
    }

    private static long Parameters(nn.Module module) => module.parameters().Sum(p => p.numel());
}
