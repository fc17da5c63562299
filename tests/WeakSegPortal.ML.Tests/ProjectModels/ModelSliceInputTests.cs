using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.ProjectModels;

namespace WeakSegPortal.ML.Tests.ProjectModels;

public sealed class ModelSliceInputTests
{
    [Fact]
    public void CT_values_go_through_the_40_400_window_to_0_to_1()
    {
        Assert.Equal(0f, ModelSliceInput.Windowed(-500, WindowPresets.Mediastinum));
        Assert.Equal(0f, ModelSliceInput.Windowed(-160, WindowPresets.Mediastinum));
        Assert.Equal(0.5f, ModelSliceInput.Windowed(40, WindowPresets.Mediastinum), 5);
        Assert.Equal(1f, ModelSliceInput.Windowed(240, WindowPresets.Mediastinum));
    }

    [Fact]
    public void Neighbours_are_channels_around_the_slice_and_the_edge_slice_repeats()
    {
        // Slice k holds −160 + 40·k HU everywhere: 0.1·k after the CT window.
        var volume = Volume.FromFloat32(new VolumeGeometry(8, 8, 4, new Vec3(1, 1, 1), new Vec3(0, 0, 0), Direction3.Identity),
            new VolumeMetadata { Modality = "CT" }, [.. Enumerable.Range(0, 8 * 8 * 4).Select(n => -160f + (40 * (n / 64)))]);

        var first = ModelSliceInput.From(volume, SliceOrientation.Axial, 0, null, neighbours: 1, side: 4);
        var middle = ModelSliceInput.From(volume, SliceOrientation.Axial, 2, null, neighbours: 1, side: 4);

        Assert.Equal(3 * 16, first.Length);
        Assert.Equal([0f, 0f, 0.1f], [.. Enumerable.Range(0, 3).Select(c => MathF.Round(first[c * 16], 4))]);
        Assert.Equal([0.1f, 0.2f, 0.3f], [.. Enumerable.Range(0, 3).Select(c => MathF.Round(middle[c * 16], 4))]);
    }

    [Fact]
    public void Resampling_keeps_pixel_centres_aligned()
    {
        // A 4-pixel ramp 0, 1, 2, 3 halved: pixel centres 0.5 and 2.5 of the source.
        Assert.Equal([0.5f, 2.5f], ModelSliceInput.Resample([0, 1, 2, 3], 4, 1, 2, 1));
        // Doubled: centres at −0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1) of a 0, 1 ramp.
        Assert.Equal([0f, 0.25f, 0.75f, 1f], ModelSliceInput.Resample([0, 1], 2, 1, 4, 1));
    }
}
