using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Tests;

/// <summary>
/// Every orientation's cut against a reference cut written from the orientation's definition (SliceOrientation:
/// axial fixes k with i across and j down; coronal fixes j with i across and k up; sagittal fixes i with j across
/// and k up), on a non-cubic grid with anisotropic spacing whose voxels each hold their own coordinates.
/// </summary>
public class SliceExtractorTests
{
    private const int Nx = 7, Ny = 5, Nz = 4;
    private static readonly Vec3 Spacing = new(0.7, 0.9, 2.5);

    public static TheoryData<SliceOrientation, int> EverySlice()
    {
        var data = new TheoryData<SliceOrientation, int>();
        foreach (var (orientation, count) in new[] { (SliceOrientation.Axial, Nz), (SliceOrientation.Coronal, Ny), (SliceOrientation.Sagittal, Nx) })
        {
            for (var index = 0; index < count; index++)
            {
                data.Add(orientation, index);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySlice))]
    public void An_Int16_slice_equals_the_reference_cut(SliceOrientation orientation, int index)
    {
        var volume = Coordinates(float32: false);

        var slice = SliceExtractor.Extract(volume, orientation, index);

        var (width, height, expected) = Reference(volume, orientation, index);
        Assert.Equal((width, height), (slice.Width, slice.Height));
        Assert.Equal(expected, slice.Values);
        Assert.True(slice.IsInteger);
    }

    [Theory]
    [MemberData(nameof(EverySlice))]
    public void A_Float32_slice_equals_the_reference_cut(SliceOrientation orientation, int index)
    {
        var volume = Coordinates(float32: true);

        var slice = SliceExtractor.Extract(volume, orientation, index);

        var (width, height, expected) = Reference(volume, orientation, index);
        Assert.Equal((width, height), (slice.Width, slice.Height));
        Assert.Equal(expected, slice.Values);
        Assert.False(slice.IsInteger);
    }

    [Theory]
    [MemberData(nameof(EverySlice))]
    public void A_raw_slice_cut_straight_from_an_Int16_volume_decodes_to_the_reference_cut_with_the_planes_spacing(SliceOrientation orientation, int index)
    {
        var volume = Coordinates(float32: false);

        var bytes = RawSliceFormat.Encode(volume, orientation, index);
        var raw = RawSliceFormat.Decode(bytes);

        var (width, height, expected) = Reference(volume, orientation, index);
        Assert.Equal((width, height), (raw.Width, raw.Height));
        Assert.Equal(RawSampleType.Int16, raw.SampleType);
        Assert.Equal(expected.Select(v => (int)v), raw.Samples);
        var (across, down) = orientation switch
        {
            SliceOrientation.Axial => (Spacing.X, Spacing.Y),
            SliceOrientation.Coronal => (Spacing.X, Spacing.Z),
            _ => (Spacing.Y, Spacing.Z),
        };
        Assert.Equal(((float)across, (float)down), (raw.SpacingX, raw.SpacingY));
        // The direct cut and the float slice's encoding are the same bytes.
        Assert.Equal(RawSliceFormat.Encode(SliceExtractor.Extract(volume, orientation, index)), bytes);
    }

    [Theory]
    [InlineData(SliceOrientation.Axial, Nz)]
    [InlineData(SliceOrientation.Coronal, Ny)]
    [InlineData(SliceOrientation.Sagittal, Nx)]
    public void A_slice_index_past_the_last_is_refused(SliceOrientation orientation, int index)
    {
        var volume = Coordinates(float32: false);

        Assert.Throws<ArgumentOutOfRangeException>(() => SliceExtractor.Extract(volume, orientation, index));
        Assert.Throws<ArgumentOutOfRangeException>(() => RawSliceFormat.Encode(volume, orientation, index));
        Assert.Throws<ArgumentOutOfRangeException>(() => SliceExtractor.Extract(volume, orientation, -1));
    }

    [Fact]
    public void A_destination_too_small_for_the_slice_is_refused()
    {
        var volume = Coordinates(float32: false);

        Assert.Throws<ArgumentException>(() => SliceExtractor.CutInt16(volume, SliceOrientation.Sagittal, 0, new short[(Ny * Nz) - 1]));
    }

    /// <summary>Voxel (i, j, k) holds −(i + 10 j + 100 k) − 1: every voxel its own value, negative as HU often are.</summary>
    private static Volume Coordinates(bool float32)
    {
        var geometry = new VolumeGeometry(Nx, Ny, Nz, Spacing, default, Direction3.Identity);
        var values = new float[Nx * Ny * Nz];
        for (var k = 0; k < Nz; k++)
        {
            for (var j = 0; j < Ny; j++)
            {
                for (var i = 0; i < Nx; i++)
                {
                    values[i + (Nx * (j + (Ny * k)))] = -(i + (10 * j) + (100 * k)) - 1 + (float32 ? 0.25f : 0);
                }
            }
        }

        return float32
            ? Volume.FromFloat32(geometry, new VolumeMetadata(), values)
            : Volume.FromInt16(geometry, new VolumeMetadata { Modality = "CT" }, values.Select(v => (short)v).ToArray());
    }

    /// <summary>The slice as its orientation defines it, voxel by voxel through the volume's (i, j, k) indexer.</summary>
    private static (int Width, int Height, float[] Values) Reference(Volume volume, SliceOrientation orientation, int index)
    {
        var (width, height) = orientation switch
        {
            SliceOrientation.Axial => (Nx, Ny),
            SliceOrientation.Coronal => (Nx, Nz),
            _ => (Ny, Nz),
        };
        var values = new float[width * height];
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                values[(row * width) + column] = orientation switch
                {
                    SliceOrientation.Axial => volume[column, row, index],
                    SliceOrientation.Coronal => volume[column, index, Nz - 1 - row],
                    _ => volume[index, column, Nz - 1 - row],
                };
            }
        }

        return (width, height, values);
    }
}
