using System.Globalization;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>
/// <see cref="IDicomSegmentationWriter"/> of our own, Explicit VR Little Endian (see docs/export-formats.md for why not GDCM):
/// the Segmentation IOD's modules (Patient and General Study with empty type 2 patient attributes, as the portal keeps
/// none; Segmentation Series; Frame of Reference; General and Enhanced General Equipment; Segmentation Image; Multi-frame
/// Functional Groups; Multi-frame Dimension; Common Instance Reference; SOP Common). One frame per segment and occupied
/// slice, segment by segment; dimensions are (segment number, slice position).
/// </summary>
public sealed class ExplicitVrSegmentationWriter : IDicomSegmentationWriter
{
    public const string SegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4";
    private const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";

    /// <summary>Our implementation class UID (2.25 from a fixed UUID) for the file meta information.</summary>
    private const string ImplementationClassUid = "2.25.255193478389316425963046213389474393373";

    private static readonly DicomTag ReferencedSegmentNumber = new(0x0062, 0x000b);
    private static readonly DicomTag SegmentIdentificationSequence = new(0x0062, 0x000a);
    private static readonly DicomTag ImagePositionPatient = new(0x0020, 0x0032);
    private static readonly DicomTag PlanePositionSequence = new(0x0020, 0x9113);

    public void Write(SegmentationDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var g = document.Geometry;
        if (!document.Source.Covers(g.Nz))
        {
            throw new ArgumentException($"The source names {document.Source.SopInstanceUids.Count} instance(s) for {g.Nz} slice(s).", nameof(document));
        }
        if (document.SegmentMap.LongLength != g.VoxelCount || document.Segments.Any(s => s.Number is < 1 or > 255))
        {
            throw new ArgumentException("The segment map must cover the grid, and segment numbers run from 1 to 255.", nameof(document));
        }
        var frames = new List<(SegmentDescription Segment, int Slice)>();
        foreach (var segment in document.Segments.OrderBy(s => s.Number))
        {
            cancellationToken.ThrowIfCancellationRequested();
            frames.AddRange(BinaryFrames.SlicesOf(document.SegmentMap, segment.Number, g.Nx, g.Ny, g.Nz).Select(k => (segment, k)));
        }
        if (frames.Count == 0)
        {
            throw new ArgumentException("No segment holds a voxel: a segmentation needs at least one frame.", nameof(document));
        }
        var pixels = BinaryFrames.Pack(document.SegmentMap, g.Nx, g.Ny, [.. frames.Select(f => (f.Segment.Number, f.Slice))]);
        var dimensionOrganization = DicomUids.New();

        var data = new DicomDataSet();
        Identity(data, document);
        PatientAndStudy(data, document);
        Equipment(data, document);
        ImagePixel(data, g, frames.Count);
        data.Text(0x0062, 0x0001, "CS", "BINARY")
            .Sequence(0x0062, 0x0002, [.. document.Segments.OrderBy(s => s.Number).Select(SegmentItem)]);
        data.Sequence(0x0020, 0x9221, new DicomDataSet().Text(0x0020, 0x9164, "UI", dimensionOrganization))
            .Sequence(0x0020, 0x9222,
                DimensionIndex(dimensionOrganization, ReferencedSegmentNumber, SegmentIdentificationSequence, "Segment Number"),
                DimensionIndex(dimensionOrganization, ImagePositionPatient, PlanePositionSequence, "Image Position Patient"));
        data.Sequence(0x0008, 0x1115, ReferencedSeries(document.Source, g.Nz));
        data.Sequence(0x5200, 0x9229, Shared(g));
        data.Sequence(0x5200, 0x9230, [.. frames.Select(f => PerFrame(document.Source, g, f.Segment.Number, f.Slice))]);
        data.Bytes(0x7fe0, 0x0010, "OB", pixels);

        WriteFile(output, document.SopInstanceUid, data);
    }

    private static void Identity(DicomDataSet data, SegmentationDocument document)
    {
        var at = document.CreatedAt.ToUniversalTime();
        var date = at.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var time = at.ToString("HHmmss", CultureInfo.InvariantCulture);
        data.Text(0x0008, 0x0005, "CS", "ISO_IR 192")
            .Text(0x0008, 0x0008, "CS", "DERIVED", "PRIMARY")
            .Text(0x0008, 0x0012, "DA", date)
            .Text(0x0008, 0x0013, "TM", time)
            .Text(0x0008, 0x0016, "UI", SegmentationStorage)
            .Text(0x0008, 0x0018, "UI", document.SopInstanceUid)
            .Text(0x0008, 0x0021, "DA", date)
            .Text(0x0008, 0x0023, "DA", date)
            .Text(0x0008, 0x0031, "TM", time)
            .Text(0x0008, 0x0033, "TM", time)
            .Text(0x0008, 0x0060, "CS", "SEG")
            .Text(0x0008, 0x103e, "LO", Long(document.SeriesDescription))
            .Text(0x0020, 0x000e, "UI", document.SeriesInstanceUid)
            .Integer(0x0020, 0x0011, document.SeriesNumber)
            .Integer(0x0020, 0x0013, document.InstanceNumber)
            .Text(0x0020, 0x0052, "UI", document.Source.FrameOfReferenceUid)
            .Text(0x0020, 0x1040, "LO")
            .Text(0x0070, 0x0080, "CS", ContentLabel(document.ContentLabel))
            .Text(0x0070, 0x0081, "LO", Long(document.SeriesDescription))
            .Text(0x0070, 0x0084, "PN", document.ContentCreator);
    }

    private static void PatientAndStudy(DicomDataSet data, SegmentationDocument document)
    {
        // The portal stores no patient name, ID, birth date, sex or study date: type 2, so present and empty.
        data.Text(0x0008, 0x0020, "DA")
            .Text(0x0008, 0x0030, "TM")
            .Text(0x0008, 0x0050, "SH")
            .Text(0x0008, 0x0090, "PN")
            .Text(0x0010, 0x0010, "PN")
            .Text(0x0010, 0x0020, "LO")
            .Text(0x0010, 0x0030, "DA")
            .Text(0x0010, 0x0040, "CS")
            .Text(0x0020, 0x000d, "UI", document.Source.StudyInstanceUid)
            .Text(0x0020, 0x0010, "SH");
    }

    private static void Equipment(DicomDataSet data, SegmentationDocument document) =>
        data.Text(0x0008, 0x0070, "LO", "WeakSegPortal")
            .Text(0x0008, 0x1090, "LO", "WeakSegPortal")
            .Text(0x0018, 0x1000, "LO", "1")
            .Text(0x0018, 0x1020, "LO", Long(document.SoftwareVersion));

    private static void ImagePixel(DicomDataSet data, VolumeGeometry g, int frames) =>
        data.UnsignedShorts(0x0028, 0x0002, 1)
            .Text(0x0028, 0x0004, "CS", "MONOCHROME2")
            .Integer(0x0028, 0x0008, frames)
            .UnsignedShorts(0x0028, 0x0010, checked((ushort)g.Ny))
            .UnsignedShorts(0x0028, 0x0011, checked((ushort)g.Nx))
            .UnsignedShorts(0x0028, 0x0100, 1)
            .UnsignedShorts(0x0028, 0x0101, 1)
            .UnsignedShorts(0x0028, 0x0102, 0)
            .UnsignedShorts(0x0028, 0x0103, 0)
            .Text(0x0028, 0x2110, "CS", "00");

    private static DicomDataSet SegmentItem(SegmentDescription segment)
    {
        var item = new DicomDataSet()
            .Sequence(0x0062, 0x0003, segment.Category.ToItem())
            .UnsignedShorts(0x0062, 0x0004, checked((ushort)segment.Number))
            .Text(0x0062, 0x0005, "LO", Long(segment.Label))
            .Text(0x0062, 0x0008, "CS", segment.AlgorithmType == SegmentAlgorithmType.Manual ? "MANUAL" : "SEMIAUTOMATIC")
            .Sequence(0x0062, 0x000f, segment.Type.ToItem());
        if (segment.AlgorithmType != SegmentAlgorithmType.Manual)
        {
            item.Text(0x0062, 0x0009, "LO", Long(string.IsNullOrWhiteSpace(segment.AlgorithmName) ? "unnamed" : segment.AlgorithmName));
        }
        if (segment.Colour is { } c)
        {
            item.UnsignedShorts(0x0062, 0x000d, CieLab.FromSrgb(c.R, c.G, c.B));
        }
        return item;
    }

    private static DicomDataSet DimensionIndex(string organization, DicomTag pointer, DicomTag functionalGroup, string label) =>
        new DicomDataSet()
            .Text(0x0020, 0x9164, "UI", organization)
            .Tags(0x0020, 0x9165, pointer)
            .Tags(0x0020, 0x9167, functionalGroup)
            .Text(0x0020, 0x9421, "LO", label);

    private static DicomDataSet ReferencedSeries(SegmentationSource source, int slices) =>
        new DicomDataSet()
            .Sequence(0x0008, 0x114a, [.. source.SopInstanceUids.Take(source.IsMultiFrame(slices) ? 1 : slices).Select(uid => new DicomDataSet()
                .Text(0x0008, 0x1150, "UI", source.SopClassUid)
                .Text(0x0008, 0x1155, "UI", uid))])
            .Text(0x0020, 0x000e, "UI", source.SeriesInstanceUid);

    private static DicomDataSet Shared(VolumeGeometry g) =>
        new DicomDataSet()
            .Sequence(0x0028, 0x9110, new DicomDataSet()
                .Decimals(0x0028, 0x0030, g.Spacing.Y, g.Spacing.X)
                .Decimals(0x0018, 0x0050, g.Spacing.Z)
                .Decimals(0x0018, 0x0088, g.Spacing.Z))
            .Sequence(0x0020, 0x9116, new DicomDataSet()
                .Decimals(0x0020, 0x0037, g.Direction.AxisI.X, g.Direction.AxisI.Y, g.Direction.AxisI.Z, g.Direction.AxisJ.X, g.Direction.AxisJ.Y, g.Direction.AxisJ.Z));

    private static DicomDataSet PerFrame(SegmentationSource source, VolumeGeometry g, int segment, int slice)
    {
        var reference = new DicomDataSet()
            .Text(0x0008, 0x1150, "UI", source.SopClassUid)
            .Sequence(0x0040, 0xa170, CodedConcept.SourceImageForProcessing.ToItem());
        if (source.IsMultiFrame(g.Nz))
        {
            reference.Text(0x0008, 0x1155, "UI", source.SopInstanceUids[0]).Integer(0x0008, 0x1160, slice + 1);
        }
        else
        {
            reference.Text(0x0008, 0x1155, "UI", source.SopInstanceUids[slice]);
        }
        var position = g.IndexToWorld(new Vec3(0, 0, slice));
        return new DicomDataSet()
            .Sequence(0x0008, 0x9124, new DicomDataSet()
                .Sequence(0x0008, 0x2112, reference)
                .Sequence(0x0008, 0x9215, CodedConcept.Segmentation.ToItem()))
            .Sequence(0x0020, 0x9111, new DicomDataSet().UnsignedLongs(0x0020, 0x9157, (uint)segment, (uint)(slice + 1)))
            .Sequence(0x0020, 0x9113, new DicomDataSet().Decimals(0x0020, 0x0032, position.X, position.Y, position.Z))
            .Sequence(0x0062, 0x000a, new DicomDataSet().UnsignedShorts(0x0062, 0x000b, checked((ushort)segment)));
    }

    private static void WriteFile(Stream output, string sopInstanceUid, DicomDataSet data)
    {
        var meta = new DicomDataSet()
            .Bytes(0x0002, 0x0001, "OB", [0, 1])
            .Text(0x0002, 0x0002, "UI", SegmentationStorage)
            .Text(0x0002, 0x0003, "UI", sopInstanceUid)
            .Text(0x0002, 0x0010, "UI", ExplicitVrLittleEndian)
            .Text(0x0002, 0x0012, "UI", ImplementationClassUid)
            .Text(0x0002, 0x0013, "SH", "WEAKSEG_1");
        var metaBytes = meta.ToBytes();
        output.Write(new byte[128]);
        output.Write("DICM"u8);
        new DicomDataSet().UnsignedLongs(0x0002, 0x0000, (uint)metaBytes.Length).WriteTo(output);
        output.Write(metaBytes);
        data.WriteTo(output);
    }

    /// <summary>Content Label is a CS: upper-case letters, digits, space and '_', at most 16 characters.</summary>
    private static string ContentLabel(string label)
    {
        var text = new string([.. label.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == ' ' ? c : '_')]).Trim();
        return text.Length == 0 ? "SEGMENTATION" : text[..Math.Min(16, text.Length)];
    }

    /// <summary>LO holds at most 64 characters and no backslash.</summary>
    private static string Long(string text)
    {
        var clean = text.Replace('\\', '/').Trim();
        return clean.Length <= 64 ? clean : clean[..64];
    }
}
