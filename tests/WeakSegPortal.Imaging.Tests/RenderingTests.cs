using System.Buffers.Binary;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Tests.Support;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Tests;

public class RenderingTests
{
    [Theory]
    [InlineData(-1000, 0)]
    [InlineData(-160, 0)]
    [InlineData(40, 128)]
    [InlineData(239, 255)]
    [InlineData(3000, 255)]
    public void The_mediastinum_window_maps_HU_to_grey_levels_linearly(float hu, byte grey)
    {
        Assert.Equal(grey, WindowPresets.Mediastinum.Apply(hu));
    }

    [Theory]
    [InlineData("lung", -600, 1500)]
    [InlineData("mediastinum", 40, 400)]
    [InlineData("bone", 400, 1800)]
    [InlineData("Brain", 40, 80)]
    public void Presets_are_found_by_name(string name, double center, double width)
    {
        Assert.True(WindowPresets.TryGet(name, out var window));
        Assert.Equal(new WindowLevel(center, width), window);
    }

    [Fact]
    public void The_MR_window_spans_the_1st_to_99th_percentile()
    {
        var values = Enumerable.Range(0, 1000).Select(v => (float)v).ToArray();
        var volume = Volume.FromFloat32(new VolumeGeometry(10, 10, 10, new Vec3(1, 1, 1), default, Direction3.Identity), new VolumeMetadata { Modality = "MR" }, values);

        var window = PercentileWindow.Compute(volume);

        Assert.Equal(10, window.Center - (window.Width / 2), 0);
        Assert.Equal(989, window.Center + (window.Width / 2), 0);
    }

    [Fact]
    public void Coronal_and_sagittal_reformats_take_the_right_voxels_with_the_top_row_highest_k()
    {
        var volume = Ramp(4, 3, 2);

        var coronal = SliceExtractor.Extract(volume, SliceOrientation.Coronal, 1);
        var sagittal = SliceExtractor.Extract(volume, SliceOrientation.Sagittal, 2);

        Assert.Equal((4, 2), (coronal.Width, coronal.Height));
        Assert.Equal(volume[3, 1, 1], coronal.Values[3]);
        Assert.Equal(volume[0, 1, 0], coronal.Values[4]);
        Assert.Equal((3, 2), (sagittal.Width, sagittal.Height));
        Assert.Equal(volume[2, 2, 1], sagittal.Values[2]);
    }

    [Fact]
    public void A_windowed_PNG_decodes_in_Pillow_to_the_same_grey_levels()
    {
        using var temp = new TempFolder();
        var volume = Ramp(50, 40, 1);
        var slice = SliceExtractor.Extract(volume, SliceOrientation.Axial, 0);
        var window = new WindowLevel(1000, 2000);
        File.WriteAllBytes(temp.File("s.png"), PngSliceEncoder.Encode(slice, window));

        var decoded = PythonReference.Run("read-png", temp.File("s.png"));

        Assert.Equal("L", decoded.GetProperty("mode").GetString());
        Assert.Equal(SliceRenderer.ToGrey8(slice, window).Select(b => (double)b), decoded.Doubles("values"));
    }

    [Fact]
    public void A_raw_CT_slice_is_exact_Int16_with_the_documented_header()
    {
        var values = new short[] { -1024, 0, 40, 3071, -1, 7 };
        var volume = Volume.FromInt16(new VolumeGeometry(3, 2, 1, new Vec3(0.7, 0.8, 1), default, Direction3.Identity), new VolumeMetadata { Modality = "CT" }, values);

        var bytes = RawSliceFormat.Encode(SliceExtractor.Extract(volume, SliceOrientation.Axial, 0));

        Assert.Equal("WSSL"u8.ToArray(), bytes[..4]);
        Assert.Equal(1, bytes[4]);
        Assert.Equal((byte)RawSampleType.Int16, bytes[5]);
        Assert.Equal(40, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(6)));
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)));
        Assert.Equal(1.0, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(16)));
        Assert.Equal(0.0, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(24)));
        Assert.Equal(0.7f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(32)));
        Assert.Equal(40 + (6 * 2), bytes.Length);
        Assert.Equal(-1024, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(40)));
        Assert.Equal(3071, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(46)));
    }

    [Fact]
    public void A_raw_float_slice_is_quantised_to_UInt16_within_half_a_step()
    {
        var values = Enumerable.Range(0, 64).Select(v => (float)Math.Sin(v) * 123.456f).ToArray();
        var volume = Volume.FromFloat32(new VolumeGeometry(8, 8, 1, new Vec3(1, 1, 1), default, Direction3.Identity), new VolumeMetadata(), values);

        var raw = RawSliceFormat.Decode(RawSliceFormat.Encode(SliceExtractor.Extract(volume, SliceOrientation.Axial, 0)));

        Assert.Equal(RawSampleType.UInt16, raw.SampleType);
        for (var n = 0; n < values.Length; n++)
        {
            Assert.True(Math.Abs(raw.ValueAt(n % 8, n / 8) - values[n]) <= (raw.Slope / 2) + 1e-4);
        }
    }

    private static Volume Ramp(int nx, int ny, int nz)
    {
        var values = Enumerable.Range(0, nx * ny * nz).Select(v => (short)v).ToArray();
        return Volume.FromInt16(new VolumeGeometry(nx, ny, nz, new Vec3(1, 1, 1), default, Direction3.Identity), new VolumeMetadata(), values);
    }
}
