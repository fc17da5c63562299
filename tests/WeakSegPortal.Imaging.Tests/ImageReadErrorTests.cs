using WeakSegPortal.Imaging.Tests.Support;

namespace WeakSegPortal.Imaging.Tests;

/// <summary>Bad input gives a typed <see cref="ImageReadException"/> with a message a user can act on, never a crash.</summary>
public sealed class ImageReadErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly VolumeFileReader _reader = VolumeFileReader.CreateDefault();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("empty.dcm")]
    [InlineData("empty.nii")]
    [InlineData("empty.png")]
    public void An_empty_file_is_reported_as_empty(string name)
    {
        File.WriteAllBytes(_temp.File(name), []);
        Assert.Equal(ImageReadFailure.EmptyFile, Assert.Throws<ImageReadException>(() => _reader.Read(_temp.File(name))).Failure);
    }

    [Theory]
    [InlineData("notes.dcm")]
    [InlineData("notes.nii")]
    [InlineData("notes.png")]
    [InlineData("notes.txt")]
    public void A_text_file_is_reported_as_not_an_image(string name)
    {
        File.WriteAllText(_temp.File(name), "hello, this is not an image at all");
        Assert.Equal(ImageReadFailure.NotAnImage, Assert.Throws<ImageReadException>(() => _reader.Read(_temp.File(name))).Failure);
    }

    [Theory]
    [InlineData("notes.png", "hi", "not a PNG image")]
    [InlineData("notes.png", "hello, this is a short note\n", "not a PNG image")]
    [InlineData("notes.jpg", "hi", "not a JPEG image")]
    [InlineData("notes.jpeg", "plain text, no JPEG markers", "not a JPEG image")]
    [InlineData("notes.tif", "hi", "not a TIFF image")]
    [InlineData("notes.nii.gz", "hello, this is not gzip", "not a gzip-compressed NIfTI file")]
    [InlineData("notes.nii", "hi", "not a NIfTI file")]
    [InlineData("notes.dcm", "hi", "not a DICOM file")]
    public void A_text_file_with_an_image_extension_is_refused_by_its_signature_not_as_truncated(string name, string text, string expected)
    {
        File.WriteAllText(_temp.File(name), text);
        var e = Assert.Throws<ImageReadException>(() => _reader.Read(_temp.File(name)));
        Assert.Equal(ImageReadFailure.NotAnImage, e.Failure);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_JPEG_named_png_is_still_read_by_its_content()
    {
        using var bitmap = new SkiaSharp.SKBitmap(8, 6, SkiaSharp.SKColorType.Gray8, SkiaSharp.SKAlphaType.Opaque);
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90);
        File.WriteAllBytes(_temp.File("photo.png"), data.ToArray());

        var volume = _reader.Read(_temp.File("photo.png"));

        Assert.Equal("JPEG", volume.Metadata.SourceFormat);
    }

    [Fact]
    public void pydicoms_truncated_MR_is_reported_as_truncated_not_zero_filled()
    {
        var e = Assert.Throws<ImageReadException>(() => _reader.Read(ExternalData.Pydicom("MR_truncated.dcm")));
        Assert.Equal(ImageReadFailure.Truncated, e.Failure);
    }

    [Fact]
    public void A_DICOM_file_cut_inside_its_header_is_reported_as_truncated_without_crashing()
    {
        // GDCM alone aborts the process on this file (a failed C++ assert).
        var bytes = File.ReadAllBytes(ExternalData.Pydicom("CT_small.dcm"));
        File.WriteAllBytes(_temp.File("cut.dcm"), bytes[..3000]);
        Assert.Equal(ImageReadFailure.Truncated, Assert.Throws<ImageReadException>(() => _reader.Read(_temp.File("cut.dcm"))).Failure);
    }

    [Theory]
    [InlineData("test-SR.dcm")]
    [InlineData("rtplan.dcm")]
    public void A_DICOM_file_without_pixels_is_reported_as_not_an_image(string file)
    {
        var e = Assert.Throws<ImageReadException>(() => _reader.Read(ExternalData.Pydicom(file)));
        Assert.Equal(ImageReadFailure.NotAnImage, e.Failure);
        Assert.Contains("without pixel data", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("liver_1frame.dcm")]     // 1-bit segmentation
    [InlineData("rtdose_1frame.dcm")]    // makes GDCM abort the process if it reaches it
    public void Unsupported_pixel_data_is_reported_as_unsupported(string file)
    {
        var e = Assert.Throws<ImageReadException>(() => _reader.Read(ExternalData.Pydicom(file)));
        Assert.Equal(ImageReadFailure.UnsupportedFormat, e.Failure);
    }

    [Fact]
    public void A_missing_path_is_reported_as_not_found()
    {
        Assert.Equal(ImageReadFailure.NotFound, Assert.Throws<ImageReadException>(() => _reader.Read(_temp.File("nope.dcm"))).Failure);
    }

    [Fact]
    public void A_truncated_PNG_is_reported_as_truncated()
    {
        using var bitmap = new SkiaSharp.SKBitmap(64, 64, SkiaSharp.SKColorType.Gray8, SkiaSharp.SKAlphaType.Opaque);
        var rng = new Random(3);
        rng.NextBytes(bitmap.GetPixelSpan());
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var bytes = data.ToArray();
        File.WriteAllBytes(_temp.File("cut.png"), bytes[..(bytes.Length / 2)]);

        Assert.Equal(ImageReadFailure.Truncated, Assert.Throws<ImageReadException>(() => _reader.Read(_temp.File("cut.png"))).Failure);
    }

    [Fact]
    public void A_DICOM_file_describing_impossible_pixels_is_refused_before_the_decoder_sees_it()
    {
        // SamplesPerPixel (0028,0002) = 9: GDCM alone aborts the process on this.
        var bytes = File.ReadAllBytes(ExternalData.Pydicom("MR_small.dcm"));
        var at = IndexOfTag(bytes, 0x0028, 0x0002);
        bytes[at + 8] = 9;
        File.WriteAllBytes(_temp.File("spp.dcm"), bytes);

        Assert.Equal(ImageReadFailure.Corrupt, Assert.Throws<ImageReadException>(() => _reader.Read(_temp.File("spp.dcm"))).Failure);
    }

    private static int IndexOfTag(byte[] bytes, ushort group, ushort element)
    {
        byte[] tag = [(byte)group, (byte)(group >> 8), (byte)element, (byte)(element >> 8), (byte)'U', (byte)'S'];
        return bytes.AsSpan().IndexOf(tag);
    }
}
