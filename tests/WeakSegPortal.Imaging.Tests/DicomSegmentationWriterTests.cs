using System.Globalization;
using System.Text;
using WeakSegPortal.Imaging.Dicom.Segmentation;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Tests;

/// <summary>
/// The parts of our DICOM-SEG writer an end-to-end check could miss on a friendly size: 1-bit frames packed lowest bit
/// first with no padding between frames of an odd size, decimal strings within DS's 16 characters, and refusals.
/// (dciodvfy, dcmdump and pydicom check whole exports in Web.Tests' DicomSegExportTests.)
/// </summary>
public sealed class DicomSegmentationWriterTests
{
    private static readonly byte[] ExpectedBits = [0b0000_0001, 0b0000_0100, 0b0000_0000, 0b0000_0100];
    private static readonly int[] SecondSlice = [1];

    [Fact]
    public void Frames_of_an_odd_size_are_packed_lowest_bit_first_without_padding_between_them()
    {
        // 3 × 3 frames: 9 bits each, so the second frame starts at bit 1 of byte 1.
        var map = new byte[3 * 3 * 2];
        map[0] = 1;                 // frame (segment 1, slice 0), pixel 0 → bit 0
        map[9 + 1] = 1;             // frame (segment 1, slice 1), pixel 1 → bit 9 + 1
        map[9 + 8] = 2;             // segment 2, slice 1, pixel 8 → third frame, bit 18 + 8

        var packed = BinaryFrames.Pack(map, 3, 3, [(1, 0), (1, 1), (2, 1)]);

        Assert.Equal(ExpectedBits, packed);
        Assert.Equal(SecondSlice, BinaryFrames.SlicesOf(map, 2, 3, 3, 2));
    }

    [Theory]
    [InlineData(-0.000123456789012345)]
    [InlineData(1234567.8912345678)]
    [InlineData(-11.25)]
    [InlineData(0.7)]
    public void Decimal_strings_fit_sixteen_characters_and_read_back_close(double value)
    {
        var bytes = new DicomDataSet().Decimals(0x0028, 0x0030, value).ToBytes();

        var text = Encoding.ASCII.GetString(bytes, 8, bytes.Length - 8).TrimEnd(' ');
        Assert.True(text.Length <= 16, text);
        Assert.Equal(value, double.Parse(text, CultureInfo.InvariantCulture), Math.Abs(value) * 1e-9);
    }

    [Fact]
    public void A_segmentation_without_a_voxel_or_with_too_few_source_instances_is_refused()
    {
        var geometry = new VolumeGeometry(4, 4, 2, new Vec3(1, 1, 1), new Vec3(0, 0, 0), Direction3.Identity);
        var segment = new SegmentDescription(1, "Liver", SegmentAlgorithmType.Manual, null, new("123037004", "SCT", "Anatomical Structure"), new("10200004", "SCT", "Liver"));
        SegmentationDocument Document(byte[] map, params string[] instances) =>
            new(new SegmentationSource("1.2.3", "1.2.3.4", "1.2.3.5", "1.2.840.10008.5.1.4.1.1.2", instances), geometry, [segment], map,
                "1.2.3.6", "1.2.3.7", "TEST", "test", DateTimeOffset.UnixEpoch);
        var writer = new ExplicitVrSegmentationWriter();
        var labelled = new byte[32];
        labelled[20] = 1;

        Assert.Contains("frame", Assert.Throws<ArgumentException>(() => writer.Write(Document(new byte[32], "1", "2"), Stream.Null)).Message, StringComparison.Ordinal);
        Assert.Contains("instance", Assert.Throws<ArgumentException>(() => writer.Write(Document(labelled, "1", "2", "3"), Stream.Null)).Message, StringComparison.Ordinal);
        using var written = new MemoryStream();
        writer.Write(Document(labelled, "1", "2"), written);
        Assert.Equal("DICM", Encoding.ASCII.GetString(written.GetBuffer(), 128, 4));
    }
}
