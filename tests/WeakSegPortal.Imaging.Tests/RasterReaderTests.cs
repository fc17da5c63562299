using WeakSegPortal.Imaging.Raster;
using WeakSegPortal.Imaging.Tests.Support;

namespace WeakSegPortal.Imaging.Tests;

/// <summary>PNG, JPEG and TIFF written by Pillow (python3-pil) and read back as single-slice volumes.</summary>
public sealed class RasterReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly System.Text.Json.JsonElement _expected;
    private readonly RasterVolumeReader _reader = new();

    public RasterReaderTests()
    {
        _expected = PythonReference.Run("make-raster", _temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("grey8.png", "grey8")]
    [InlineData("grey16.png", "png16AsReadByPillow")]
    [InlineData("rgb.png", "rgbLuminance")]
    [InlineData("grey8.tif", "grey8")]
    [InlineData("grey16.tif", "grey16")]
    [InlineData("grey16be.tif", "grey16")]
    public void Lossless_images_read_back_the_values_Pillow_wrote(string file, string values)
    {
        var volume = _reader.Read(_temp.File(file));

        Assert.Equal((30, 20, 1), (volume.Nx, volume.Ny, volume.Nz));
        VolumeAssert.VoxelsEqual(_expected.Doubles(values), volume, file.StartsWith("rgb", StringComparison.Ordinal) ? 1 : 0);
    }

    [Fact]
    public void A_JPEG_decodes_within_a_grey_level_of_Pillow()
    {
        VolumeAssert.VoxelsEqual(_expected.Doubles("jpegAsReadByPillow"), _reader.Read(_temp.File("grey8.jpg")), 2);
    }

    [Fact]
    public void A_compressed_TIFF_is_refused_with_what_is_supported()
    {
        var e = Assert.Throws<ImageReadException>(() => _reader.Read(_temp.File("lzw.tif")));

        Assert.Equal(ImageReadFailure.UnsupportedFormat, e.Failure);
        Assert.Contains("uncompressed", e.Message, StringComparison.Ordinal);
    }
}
