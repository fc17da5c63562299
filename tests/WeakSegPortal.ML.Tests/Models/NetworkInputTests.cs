using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Models;

namespace WeakSegPortal.ML.Tests.Models;

/// <summary>The one preprocessing of training and serving: CT's 40/400 window to [0, 1], neighbours as channels, edges repeated.</summary>
public sealed class NetworkInputTests
{
    [Fact]
    public void CT_values_go_through_the_40_400_window_to_0_to_1_and_neighbours_are_channels_with_the_edge_slice_repeated()
    {
        // Slice k holds −160 + 40·k HU everywhere (k = 0…6): 0.1·k after the window; slice 6 (80 HU) maps to 0.6.
        var volume = Volume.FromFloat32(new VolumeGeometry(8, 8, 7, new Vec3(1, 1, 1), new Vec3(0, 0, 0), Direction3.Identity),
            new VolumeMetadata { Modality = "CT" }, [.. Enumerable.Range(0, 8 * 8 * 7).Select(n => -160f + (40 * (n / 64)))]);
        var input = new NetworkInput(volume, "CT", side: 4);

        var first = input.Channels(0, neighbours: 1);
        var middle = input.Channels(2, neighbours: 1);
        var last = input.Channels(6, neighbours: 2);

        Assert.Equal(3 * 16, first.Length);
        Assert.Equal([0f, 0f, 0.1f], Corners(first, 3));
        Assert.Equal([0.1f, 0.2f, 0.3f], Corners(middle, 3));
        Assert.Equal([0.4f, 0.5f, 0.6f, 0.6f, 0.6f], Corners(last, 5));
    }

    [Fact]
    public void Values_beyond_the_window_are_clamped_to_0_and_1()
    {
        var volume = Volume.FromFloat32(new VolumeGeometry(2, 1, 1, new Vec3(1, 1, 1), new Vec3(0, 0, 0), Direction3.Identity),
            new VolumeMetadata { Modality = "CT" }, [-1000f, 1000f]);

        Assert.Equal([0f, 1f], new NetworkInput(volume, "CT", side: 2).Channels(0, 0).Take(2));
    }

    private static float[] Corners(float[] channels, int count) => [.. Enumerable.Range(0, count).Select(c => MathF.Round(channels[c * 16], 4))];
}
