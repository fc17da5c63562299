using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Tests.Support;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Tests;

/// <summary>Single DICOM files shipped by python3-pydicom, checked against pydicom's own decoding.</summary>
public class DicomSingleFileTests
{
    private readonly DicomVolumeReader _reader = new(new GdcmDicomCodec());

    [Fact]
    public void CT_small_reads_as_Int16_Hounsfield_units_equal_to_pydicom_with_rescale()
    {
        var path = ExternalData.Pydicom("CT_small.dcm");
        var expected = PythonReference.Run("dicom", path);
        var volume = _reader.Read(path);

        Assert.Equal(VoxelType.Int16, volume.VoxelType);
        Assert.Equal("CT", volume.Metadata.Modality);
        Assert.Equal(-1024, volume.Metadata.RescaleIntercept);
        VolumeAssert.VoxelsEqual(expected.Doubles("values"), volume, 0);
    }

    [Fact]
    public void CT_small_geometry_comes_from_position_orientation_and_pixel_spacing()
    {
        var path = ExternalData.Pydicom("CT_small.dcm");
        var expected = PythonReference.Run("dicom-header", path);
        var g = _reader.Read(path).Geometry;

        VolumeAssert.Near(expected.Doubles("position"), g.Origin);
        var iop = expected.Doubles("orientation");
        VolumeAssert.Near(iop[..3], g.Direction.AxisI);
        VolumeAssert.Near(iop[3..], g.Direction.AxisJ);
        var spacing = expected.Doubles("pixelSpacing");
        Assert.Equal(spacing[1], g.Spacing.X, 6);
        Assert.Equal(spacing[0], g.Spacing.Y, 6);
        Assert.Equal((128, 128, 1), (g.Nx, g.Ny, g.Nz));
    }

    [Theory]
    [InlineData("MR_small.dcm")]
    [InlineData("MR_small_implicit.dcm")]
    [InlineData("MR_small_bigendian.dcm")]
    [InlineData("MR_small_expb.dcm")]
    [InlineData("MR_small_RLE.dcm")]
    [InlineData("MR_small_jpeg_ls_lossless.dcm")]
    [InlineData("MR_small_jp2klossless.dcm")]
    [InlineData("MR_small_padded.dcm")]
    public void Every_lossless_encoding_of_MR_small_decodes_to_pydicoms_uncompressed_values(string file)
    {
        // pydicom decodes the uncompressed original; lossless variants must give the same voxels.
        var expected = PythonReference.Run("dicom", ExternalData.Pydicom("MR_small.dcm"));
        var volume = _reader.Read(ExternalData.Pydicom(file));

        Assert.Equal((64, 64, 1), (volume.Nx, volume.Ny, volume.Nz));
        VolumeAssert.VoxelsEqual(expected.Doubles("values"), volume, 0);
    }

    [Theory]
    [InlineData("JPEG-lossy.dcm", "dcmdjpeg")]
    [InlineData("JPGExtended.dcm", "dcmdjpeg")]
    [InlineData("SC_rgb_jpeg_gdcm.dcm", "dcmdjpeg")]
    [InlineData("SC_rgb_jpeg_lossy_gdcm.dcm", "dcmdjpeg")]
    public void Jpeg_files_decode_like_dcmtk_does(string file, string tool)
    {
        using var temp = new TempFolder();
        var decompressed = temp.File("plain.dcm");
        Dcmtk.Decompress(tool, ExternalData.Pydicom(file), decompressed);
        var expected = PythonReference.Run("dicom", decompressed);
        var volume = _reader.Read(ExternalData.Pydicom(file));

        // Two IJG-derived decoders may round the inverse DCT differently by one grey level.
        VolumeAssert.VoxelsEqual(expected.Doubles("values"), volume, 1.0);
    }

    [Theory]
    [InlineData("SC_rgb_jpeg_dcmtk.dcm")]
    [InlineData("SC_rgb_dcmtk_+eb+cy+np.dcm")]
    [InlineData("SC_rgb_dcmtk_+eb+cy+s2.dcm")]
    public void YBR_coded_JPEG_colour_reads_as_its_Y_channel_like_dcmtk_without_colour_conversion(string file)
    {
        // Y is BT.601 luminance before chroma subsampling and RGB clamping; dcmdjpeg +cn keeps YBR.
        using var temp = new TempFolder();
        var decompressed = temp.File("plain.dcm");
        Dcmtk.Decompress("dcmdjpeg", ExternalData.Pydicom(file), decompressed, "+cn");
        var expected = PythonReference.Run("dicom", decompressed);
        var volume = _reader.Read(ExternalData.Pydicom(file));

        Assert.StartsWith("YBR", expected.GetProperty("photometric").GetString(), StringComparison.Ordinal);
        VolumeAssert.VoxelsEqual(expected.Doubles("values"), volume, 1.0);
    }

    [Fact]
    public void Lossy_JPEG_2000_CT_decodes_with_pydicoms_dimensions_and_plausible_HU()
    {
        var path = ExternalData.Pydicom("693_J2KI.dcm");
        var expected = PythonReference.Run("dicom-header", path);
        var volume = _reader.Read(path);

        Assert.Equal((expected.GetProperty("columns").GetInt32(), expected.GetProperty("rows").GetInt32()), (volume.Nx, volume.Ny));
        VolumeAssert.Near(expected.Doubles("position"), volume.Geometry.Origin);
        var (min, max) = volume.ValueRange();
        Assert.InRange(min, -4096, -500);
        Assert.InRange(max, 500, 4096);
    }

    [Theory]
    [InlineData("SC_rgb_small_odd.dcm", 0.01)]
    [InlineData("ExplVR_BigEnd.dcm", 0.01)]
    [InlineData("SC_rgb_rle.dcm", 0.01)]
    [InlineData("SC_rgb_rle_16bit.dcm", 0.01)]
    [InlineData("SC_rgb_rle_32bit.dcm", 512)] // float32 keeps 24 bits of a 32-bit sample
    public void Rgb_images_become_BT601_luminance(string file, double tolerance)
    {
        var expected = PythonReference.Run("dicom", ExternalData.Pydicom(file));
        var volume = _reader.Read(ExternalData.Pydicom(file));

        Assert.Equal(3, volume.Metadata.SourceSamplesPerPixel);
        Assert.Contains(volume.Warnings, w => w.Contains("luminance", StringComparison.Ordinal));
        VolumeAssert.VoxelsEqual(expected.Doubles("values"), volume, tolerance);
    }

    [Theory]
    [InlineData("SC_rgb_rle_2frame.dcm", 2)]
    [InlineData("SC_rgb_rle_16bit_2frame.dcm", 2)]
    [InlineData("rtdose.dcm", 15)]
    public void Multi_frame_files_become_one_slice_per_frame(string file, int frames)
    {
        var expected = PythonReference.Run("dicom", ExternalData.Pydicom(file));
        var volume = _reader.Read(ExternalData.Pydicom(file));

        Assert.Equal(frames, volume.Nz);
        VolumeAssert.VoxelsEqual(expected.Doubles("values"), volume, 0.01);
    }

    [Fact]
    public void GDCMs_own_example_file_reads_as_a_multi_frame_volume()
    {
        Assert.True(File.Exists(ExternalData.GdcmExample), "install libgdcm3.0 (its examples folder)");
        var volume = _reader.Read(ExternalData.GdcmExample);
        Assert.Equal((512, 512, 4), (volume.Nx, volume.Ny, volume.Nz));
        Assert.Equal("1.2.840.10008.1.2.4.70", volume.Metadata.TransferSyntax);
    }

    [Fact]
    public void MONOCHROME1_is_inverted_so_that_larger_values_are_brighter()
    {
        using var temp = new TempFolder();
        var path = temp.File("mono1.dcm");
        var source = PythonReference.Run("make-monochrome1", ExternalData.Pydicom("MR_small.dcm"), path);
        var raw = source.Doubles("raw");
        var bits = source.GetProperty("bitsStored").GetInt32();
        var signed = source.GetProperty("pixelRepresentation").GetInt32() == 1;
        var rangeSum = signed ? -1.0 : Math.Pow(2, bits) - 1;

        var volume = _reader.Read(path);

        Assert.Equal("MONOCHROME1", volume.Metadata.Photometric);
        VolumeAssert.VoxelsEqual([.. raw.Select(v => rangeSum - v)], volume, 0);
    }
}
