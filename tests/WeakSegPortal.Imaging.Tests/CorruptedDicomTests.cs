using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Tests.Support;

namespace WeakSegPortal.Imaging.Tests;

/// <summary>
/// GDCM aborts or crashes the whole process on some damaged files; the pre-check must turn every
/// one of these into an <see cref="ImageReadException"/>. A regression here kills the test host.
/// </summary>
public sealed class CorruptedDicomTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly DicomVolumeReader _reader = new(new GdcmDicomCodec());

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("MR_small_RLE.dcm", 1)]
    [InlineData("MR_small_RLE.dcm", 2)]
    [InlineData("CT_small.dcm", 3)]
    [InlineData("MR_small_jpeg_ls_lossless.dcm", 4)]
    public void Randomly_corrupted_files_either_read_or_fail_with_an_ImageReadException(string file, int seed)
    {
        var original = File.ReadAllBytes(ExternalData.Pydicom(file));
        var random = new Random(seed);
        for (var trial = 0; trial < 60; trial++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 5); flips > 0; flips--)
            {
                bytes[random.Next(132, Math.Min(bytes.Length, 1600))] = (byte)random.Next(256);
            }

            var path = _temp.File($"{trial}.dcm");
            File.WriteAllBytes(path, bytes);
            try
            {
                _ = _reader.Read(path);
            }
            catch (ImageReadException)
            {
                // A clear refusal is the expected outcome for most corruptions.
            }
        }
    }

    [Fact]
    public void An_RLE_fragment_claiming_too_many_segments_is_refused()
    {
        // Seen in fuzzing: GDCM asserts (process abort) on this instead of failing.
        var bytes = File.ReadAllBytes(ExternalData.Pydicom("MR_small_RLE.dcm"));
        var header = bytes.AsSpan().IndexOf(new byte[] { 0x02, 0, 0, 0, 0x40, 0, 0, 0 });
        bytes[header + 1] = 0x73;
        File.WriteAllBytes(_temp.File("rle.dcm"), bytes);

        Assert.Throws<ImageReadException>(() => _reader.Read(_temp.File("rle.dcm")));
    }

    [Fact]
    public void An_element_overrunning_its_defined_length_sequence_item_is_refused()
    {
        // Seen in fuzzing: (0010,0022) inside an item of CT_small grows from 4 to 16 bytes; GDCM asserts.
        var bytes = File.ReadAllBytes(ExternalData.Pydicom("CT_small.dcm"));
        var at = bytes.AsSpan().IndexOf("CS\u0004\u0000TEXT"u8);
        bytes[at + 2] = 0x10;
        File.WriteAllBytes(_temp.File("item.dcm"), bytes);

        Assert.Equal(ImageReadFailure.Truncated, Assert.Throws<ImageReadException>(() => _reader.Read(_temp.File("item.dcm"))).Failure);
    }

    [Fact]
    public void An_image_attribute_with_the_wrong_VR_is_refused()
    {
        // Seen in fuzzing: ImageOrientationPatient as IS instead of DS makes GDCM assert.
        var bytes = File.ReadAllBytes(ExternalData.Pydicom("MR_small.dcm"));
        var at = bytes.AsSpan().IndexOf(new byte[] { 0x20, 0x00, 0x37, 0x00, (byte)'D', (byte)'S' });
        bytes[at + 4] = (byte)'I';
        File.WriteAllBytes(_temp.File("vr.dcm"), bytes);

        Assert.Equal(ImageReadFailure.Corrupt, Assert.Throws<ImageReadException>(() => _reader.Read(_temp.File("vr.dcm"))).Failure);
    }
}
