using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Tests.Support;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Tests;

public class DemoDataTests
{
    [Fact]
    public void The_same_seed_gives_the_same_volumes_and_another_seed_does_not()
    {
        var a = new DemoVolumeGenerator(5).CreateCt(32);
        var b = new DemoVolumeGenerator(5).CreateCt(32);
        var c = new DemoVolumeGenerator(6).CreateCt(32);

        Assert.Equal(a.Image.Int16Voxels, b.Image.Int16Voxels);
        Assert.Equal(a.Labels.Int16Voxels, b.Labels.Int16Voxels);
        Assert.NotEqual(a.Image.Int16Voxels, c.Image.Int16Voxels);
    }

    [Fact]
    public void Every_labelled_voxel_lies_inside_its_ellipsoid_and_every_label_is_present()
    {
        var demo = new DemoVolumeGenerator(1).CreateMr(48);
        var g = demo.Labels.Geometry;
        var seen = new HashSet<int>();
        for (var k = 0; k < g.Nz; k++)
        {
            for (var j = 0; j < g.Ny; j++)
            {
                for (var i = 0; i < g.Nx; i++)
                {
                    var label = (int)demo.Labels[i, j, k];
                    if (label == 0)
                    {
                        continue;
                    }

                    seen.Add(label);
                    var structure = demo.Structures.Single(s => s.LabelId == label);
                    Assert.True(structure.Contains(g.IndexToWorld(new Vec3(i, j, k))));
                }
            }
        }

        Assert.Equal([1, 2, 3, 4], seen.Order());
    }

    [Fact]
    public void The_CT_liver_is_near_60_HU_and_air_is_near_minus_1000()
    {
        var demo = new DemoVolumeGenerator(3).CreateCt(64);
        var liver = Mean(demo, 1);
        var air = demo.Image[0, 0, 0];

        Assert.InRange(liver, 55, 65);
        Assert.InRange(air, -1024, -950);
    }

    [Fact]
    public void The_written_DICOM_series_reads_back_as_the_generated_volume_and_pydicom_agrees_on_positions()
    {
        using var temp = new TempFolder();
        var demo = new DemoVolumeGenerator(9).CreateCt(32, 12);
        var identity = new DicomSeriesIdentity("2.25.1", "2.25.1.1", "CT", "demo");
        var paths = new GdcmDicomSeriesWriter().Write(demo.Image, temp.Path, identity);

        var back = new DicomVolumeReader().Read(temp.Path);
        var lastSlice = PythonReference.Run("dicom-header", paths[^1]);

        Assert.Equal(demo.Image.Int16Voxels, back.Int16Voxels);
        VolumeAssert.Near(demo.Image.Geometry.Origin, back.Geometry.Origin);
        VolumeAssert.Near(lastSlice.Doubles("position"), demo.Image.Geometry.IndexToWorld(new Vec3(0, 0, 11)));
        Assert.Equal(1, lastSlice.GetProperty("instanceNumber").GetInt32());
    }

    private static double Mean(DemoCase demo, int label)
    {
        double sum = 0;
        var count = 0;
        for (long n = 0; n < demo.Labels.Geometry.VoxelCount; n++)
        {
            if ((int)demo.Labels[n] == label)
            {
                sum += demo.Image[n];
                count++;
            }
        }

        return sum / count;
    }
}
