using WeakSegPortal.Imaging.Nifti;
using WeakSegPortal.Imaging.Tests.Support;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Tests;

/// <summary>NIfTI files shipped by python3-nibabel, checked against nibabel's affine and scaled data.</summary>
public class NiftiReaderTests
{
    private readonly NiftiVolumeReader _reader = new();

    [Theory]
    [InlineData("anatomical.nii")]        // NIfTI-1, big-endian int16, sform
    [InlineData("functional.nii")]        // 4D with scl_slope
    [InlineData("example4d.nii.gz")]      // gzip, oblique sform
    [InlineData("example_nifti2.nii.gz")] // NIfTI-2
    [InlineData("standard.nii.gz")]       // uint8
    [InlineData("reoriented_anat_moved.nii")]
    public void Voxels_and_geometry_match_nibabel_with_RAS_turned_into_LPS(string file)
    {
        var path = ExternalData.Nibabel(file);
        var expected = PythonReference.Run("nifti", path, "7");
        var volume = _reader.Read(path);

        var shape = expected.Doubles("shape");
        Assert.Equal((shape[0], shape[1], shape[2]), (volume.Nx, volume.Ny, volume.Nz));
        var samples = expected.Doubles("samples");
        for (var n = 0; n < samples.Length; n++)
        {
            Assert.Equal(samples[n], volume[n * 7L], 2);
        }

        Assert.Equal(expected.GetProperty("max").GetDouble(), volume.ValueRange().Max, 2);
        AssertAffine(expected.GetProperty("affine"), volume.Geometry);
    }

    [Fact]
    public void A_4D_file_yields_its_first_volume_and_says_so()
    {
        var volume = _reader.Read(ExternalData.Nibabel("example4d.nii.gz"));

        Assert.Equal(24, volume.Nz);
        Assert.Contains(volume.Warnings, w => w.Contains("only the first", StringComparison.Ordinal));
    }

    [Fact]
    public void Scaled_integer_data_is_kept_as_Float32_and_unscaled_int16_as_Int16()
    {
        Assert.Equal(VoxelType.Float32, _reader.Read(ExternalData.Nibabel("functional.nii")).VoxelType);
        Assert.Equal(VoxelType.Int16, _reader.Read(ExternalData.Nibabel("anatomical.nii")).VoxelType);
    }

    [Fact]
    public void Our_writer_round_trips_through_nibabel()
    {
        using var temp = new TempFolder();
        var source = _reader.Read(ExternalData.Nibabel("example4d.nii.gz"));
        var path = temp.File("copy.nii.gz");

        NiftiWriter.Write(source, path);
        var expected = PythonReference.Run("nifti", path, "1");

        VolumeAssert.VoxelsEqual(expected.Doubles("samples"), source, 0);
        AssertAffine(expected.GetProperty("affine"), source.Geometry);
    }

    [Fact]
    public void A_truncated_gzip_file_is_refused_with_a_clear_message()
    {
        using var temp = new TempFolder();
        var bytes = File.ReadAllBytes(ExternalData.Nibabel("example4d.nii.gz"));
        var path = temp.File("cut.nii.gz");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);

        var e = Assert.Throws<ImageReadException>(() => _reader.Read(path));

        Assert.True(e.Failure is ImageReadFailure.Truncated or ImageReadFailure.Corrupt, e.Message);
    }

    private static void AssertAffine(System.Text.Json.JsonElement affine, VolumeGeometry g)
    {
        var rows = affine.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        for (var c = 0; c < 3; c++)
        {
            // nibabel's affine maps to RAS; ours to LPS: x and y change sign.
            var expected = new Vec3(-rows[0][c], -rows[1][c], rows[2][c]);
            VolumeAssert.Near(expected, g.Direction.Column(c) * g.Spacing[c], 1e-4);
        }

        VolumeAssert.Near(new Vec3(-rows[0][3], -rows[1][3], rows[2][3]), g.Origin, 1e-4);
    }
}
