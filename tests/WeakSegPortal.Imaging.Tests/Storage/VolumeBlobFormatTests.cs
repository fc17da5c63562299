using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Tests.Storage;

public sealed class VolumeBlobFormatTests
{
    private static readonly VolumeGeometry Oblique = new(3, 2, 2, new Vec3(0.5, 0.7, 2.5), new Vec3(-10, 20, 30),
        new Direction3(new Vec3(0.8, 0.6, 0), new Vec3(-0.6, 0.8, 0), new Vec3(0, 0, 1)));

    [Fact]
    public async Task An_int16_volume_comes_back_voxel_for_voxel_with_its_geometry()
    {
        var voxels = new short[] { -1024, 0, 40, 3071, -5, 7, 1, 2, 3, 4, 5, 6 };
        var volume = Volume.FromInt16(Oblique, new VolumeMetadata { Modality = "CT", SeriesInstanceUid = "1.2.3" }, voxels, ["a warning"]);
        var back = await RoundTripAsync(volume);
        Assert.Equal(VoxelType.Int16, back.VoxelType);
        Assert.Equal(voxels, back.Int16Voxels);
        Assert.Equal(Oblique, back.Geometry with { });
        Assert.Equal(Oblique.Direction.ToRowMajor(), back.Geometry.Direction.ToRowMajor());
        Assert.Equal("1.2.3", back.Metadata.SeriesInstanceUid);
        Assert.Equal(["a warning"], back.Warnings);
    }

    [Fact]
    public async Task A_float_volume_comes_back_exactly()
    {
        var voxels = Enumerable.Range(0, 12).Select(i => i * 0.1f - 0.35f).ToArray();
        var back = await RoundTripAsync(Volume.FromFloat32(Oblique, new VolumeMetadata { Modality = "MR" }, voxels));
        Assert.Equal(voxels, back.Float32Voxels);
    }

    [Fact]
    public async Task A_truncated_blob_is_refused()
    {
        using var stream = new MemoryStream();
        await VolumeBlobFormat.WriteAsync(Volume.FromInt16(Oblique, new VolumeMetadata(), new short[12]), stream, CancellationToken.None);
        using var cut = new MemoryStream(stream.ToArray()[..^4]);
        await Assert.ThrowsAnyAsync<Exception>(() => VolumeBlobFormat.ReadAsync(cut, CancellationToken.None));
    }

    private static async Task<Volume> RoundTripAsync(Volume volume)
    {
        using var stream = new MemoryStream();
        await VolumeBlobFormat.WriteAsync(volume, stream, CancellationToken.None);
        stream.Position = 0;
        return await VolumeBlobFormat.ReadAsync(stream, CancellationToken.None);
    }
}
