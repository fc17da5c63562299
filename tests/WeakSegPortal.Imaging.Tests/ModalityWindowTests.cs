using WeakSegPortal.Imaging.Nifti;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Tests.Support;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Tests;

/// <summary>Which windows an item is offered per modality, and the robust window MR opens at.</summary>
public class ModalityWindowTests
{
    private static Volume Make(string modality, float[] values) =>
        Volume.FromFloat32(new VolumeGeometry(values.Length, 1, 1, new Vec3(1, 1, 1), default, Direction3.Identity), new VolumeMetadata { Modality = modality }, values);

    [Fact]
    public void Nibabels_anatomical_MR_opens_at_the_robust_window_of_its_foreground_not_washed_out()
    {
        var volume = new NiftiVolumeReader().Read(ExternalData.Nibabel("anatomical.nii"));

        var windows = ModalityWindows.For("MR", volume);

        Assert.Equal("Auto (robust)", windows[0].Name);
        // numpy on nibabel's get_fdata(): p2 = 2008, p98 = 12376.52, background ≤ 3044.85;
        // np.percentile(voxels above it, [0.5, 99.5]) = 3277.0, 13027.74 → L 8152.37, W 9750.74.
        Assert.Equal(8152.37, windows[0].Window.Center, 0.5);
        Assert.Equal(9750.74, windows[0].Window.Width, 0.5);
        Assert.Equal(3044.85, RobustWindow.BackgroundThreshold(volume), 0.5);
        // The window it opened at before, 1st–99th percentile of every voxel (L 6962, W 11518), spent a sixth more grey levels on the same image.
        var everyVoxel = PercentileWindow.Compute(volume);
        Assert.True(windows[0].Window.Width < everyVoxel.Width * 0.9, $"{windows[0].Window} vs {everyVoxel}");
    }

    [Fact]
    public void The_robust_window_leaves_the_background_out()
    {
        // 7,000 voxels of air at 0 and 3,000 of tissue from 100 to 1099.
        var values = Enumerable.Repeat(0f, 7000).Concat(Enumerable.Range(0, 3000).Select(n => 100f + (n / 3))).ToArray();

        var window = RobustWindow.Compute(Make("MR", values));

        var low = window.Center - (window.Width / 2);
        var high = window.Center + (window.Width / 2);
        Assert.InRange(low, 100, 110);
        Assert.InRange(high, 1090, 1099);
        var everyVoxel = PercentileWindow.Compute(Make("MR", values));
        Assert.Equal(0, everyVoxel.Center - (everyVoxel.Width / 2), 0);
    }

    [Fact]
    public void A_flat_image_still_gets_a_window()
    {
        var window = RobustWindow.Compute(Make("MR", Enumerable.Repeat(42f, 100).ToArray()));

        Assert.Equal(42, window.Center, 0.01);
        Assert.True(window.Width > 0);
    }

    [Fact]
    public void CT_is_offered_the_CT_presets_in_HU_soft_tissue_first()
    {
        var windows = ModalityWindows.For("CT", Make("CT", [-1000, 0, 1000]));

        Assert.Equal(["Soft tissue", "Lung", "Bone", "Brain"], windows.Select(w => w.Name));
        Assert.Equal(WindowPresets.Mediastinum, windows[0].Window);
    }

    [Theory]
    [InlineData("MR", "Auto (robust)", "Auto (robust),Wide (T1/T2),Full range")]
    [InlineData("PET", "Auto (robust)", "Auto (robust),Full range")]
    [InlineData("Other", "Auto (robust)", "Auto (robust),Full range")]
    [InlineData("Dermoscopy", "Full range", "Full range,Auto (robust)")]
    [InlineData("XC", "Full range", "Full range,Auto (robust)")]
    public void Other_modalities_are_never_offered_CT_presets(string modality, string first, string names)
    {
        var values = Enumerable.Range(0, 256).Select(n => (float)n).ToArray();

        var windows = ModalityWindows.For(modality, Make(modality, values));

        Assert.Equal(first, windows[0].Name);
        Assert.Equal(names.Split(','), windows.Select(w => w.Name));
        Assert.DoesNotContain(windows, w => w.Name is "Lung" or "Bone" or "Brain" or "Soft tissue");
    }
}
