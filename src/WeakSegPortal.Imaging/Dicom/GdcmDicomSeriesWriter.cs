using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// <see cref="IDicomSeriesWriter"/> on GDCM: Explicit VR Little Endian, signed 16-bit, CT or MR Image
/// Storage with full plane geometry. Int16 volumes are written as is (slope 1, intercept 0); Float32
/// volumes are quantised to Int16 with a rescale slope.
/// </summary>
public sealed class GdcmDicomSeriesWriter : IDicomSeriesWriter
{
    public GdcmDicomSeriesWriter()
    {
        GdcmTrace.Silence();
    }

    public IReadOnlyList<string> Write(Volume volume, string folder, DicomSeriesIdentity identity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(identity);
        Directory.CreateDirectory(folder);
        var g = volume.Geometry;
        var slope = SlopeFor(volume);
        var paths = new List<string>(g.Nz);
        var slice = new float[g.Nx * g.Ny];
        var bytes = new byte[slice.Length * 2];
        for (var k = 0; k < g.Nz; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            volume.CopySlice(k, slice);
            for (var n = 0; n < slice.Length; n++)
            {
                var stored = Math.Clamp(Math.Round(slice[n] / slope), short.MinValue, short.MaxValue);
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * n), (short)stored);
            }

            var path = Path.Combine(folder, $"IMG{k + 1:0000}.dcm");
            WriteSlice(path, bytes, g, k, slope, identity);
            paths.Add(path);
        }

        return paths;
    }

    private static double SlopeFor(Volume volume)
    {
        if (volume.VoxelType == VoxelType.Int16)
        {
            return 1;
        }

        var (min, max) = volume.ValueRange();
        var extent = Math.Max(Math.Abs(min), Math.Abs(max));
        return extent > short.MaxValue || extent < 100 ? Math.Max(extent, 1e-6) / short.MaxValue : 1;
    }

    private static void WriteSlice(string path, byte[] pixels, VolumeGeometry g, int k, double slope, DicomSeriesIdentity identity)
    {
        // Once handed to the writer, the image is owned by the writer's smart pointer, which deletes it
        // with the writer. Disposing it from C# as well would free it twice (or abort on GDCM's assert).
        var image = new gdcm.Image();
#pragma warning disable CA1816 // deliberate: this wrapper must never delete the object it wraps
        GC.SuppressFinalize(image);
#pragma warning restore CA1816
        using var writer = new gdcm.ImageWriter();
        // Geometry is set while the image has three dimensions so that GDCM keeps the origin's z,
        // then it goes back to two: a classic single-frame image, not an enhanced multi-frame one.
        image.SetNumberOfDimensions(3);
        image.SetDimension(0, (uint)g.Nx);
        image.SetDimension(1, (uint)g.Ny);
        image.SetDimension(2, 1);
        using var pixelFormat = new gdcm.PixelFormat(gdcm.PixelFormat.ScalarType.INT16);
        image.SetPixelFormat(pixelFormat);
        using var photometric = new gdcm.PhotometricInterpretation(gdcm.PhotometricInterpretation.PIType.MONOCHROME2);
        image.SetPhotometricInterpretation(photometric);
        using var syntax = new gdcm.TransferSyntax(gdcm.TransferSyntax.TSType.ExplicitVRLittleEndian);
        image.SetTransferSyntax(syntax);
        var origin = g.IndexToWorld(new Vec3(0, 0, k));
        image.SetOrigin([origin.X, origin.Y, origin.Z]);
        image.SetDirectionCosines([g.Direction.AxisI.X, g.Direction.AxisI.Y, g.Direction.AxisI.Z, g.Direction.AxisJ.X, g.Direction.AxisJ.Y, g.Direction.AxisJ.Z]);
        image.SetSpacing([g.Spacing.X, g.Spacing.Y, g.Spacing.Z]);
        image.SetNumberOfDimensions(2);
        image.SetSlope(slope);
        image.SetIntercept(0);
        using var pixelTag = new gdcm.Tag(0x7fe0, 0x0010);
        using var pixelData = new gdcm.DataElement(pixelTag);
        using var length = new gdcm.VL((uint)pixels.Length);
        pixelData.SetByteValue(pixels, length);
        image.SetDataElement(pixelData);
        writer.SetImage(image);

        var file = writer.GetFile();
        var dataSet = file.GetDataSet();
        var isMr = identity.Modality == "MR";
        Put(dataSet, 0x0008, 0x0016, gdcm.VR.VRType.UI, isMr ? "1.2.840.10008.5.1.4.1.1.4" : "1.2.840.10008.5.1.4.1.1.2");
        Put(dataSet, 0x0008, 0x0018, gdcm.VR.VRType.UI, $"{identity.SeriesInstanceUid}.{k + 1}");
        Put(dataSet, 0x0008, 0x0060, gdcm.VR.VRType.CS, identity.Modality);
        Put(dataSet, 0x0008, 0x103e, gdcm.VR.VRType.LO, identity.SeriesDescription);
        Put(dataSet, 0x0010, 0x0010, gdcm.VR.VRType.PN, identity.PatientName);
        Put(dataSet, 0x0010, 0x0020, gdcm.VR.VRType.LO, identity.PatientId);
        Put(dataSet, 0x0018, 0x0050, gdcm.VR.VRType.DS, g.Spacing.Z.ToString("0.######", CultureInfo.InvariantCulture));
        Put(dataSet, 0x0020, 0x000d, gdcm.VR.VRType.UI, identity.StudyInstanceUid);
        Put(dataSet, 0x0020, 0x000e, gdcm.VR.VRType.UI, identity.SeriesInstanceUid);
        Put(dataSet, 0x0020, 0x0011, gdcm.VR.VRType.IS, "1");
        if (identity.FrameOfReferenceUid is { } frameOfReference)
        {
            Put(dataSet, 0x0020, 0x0052, gdcm.VR.VRType.UI, frameOfReference);
        }

        // Instance numbers run opposite to position on purpose: readers must order by position, not by number.
        Put(dataSet, 0x0020, 0x0013, gdcm.VR.VRType.IS, (g.Nz - k).ToString(CultureInfo.InvariantCulture));
        writer.SetFileName(path);
        if (!writer.Write())
        {
            throw new IOException($"GDCM could not write {path}.");
        }
    }

    private static void Put(gdcm.DataSet dataSet, ushort group, ushort element, gdcm.VR.VRType vrType, string value)
    {
        var padded = value.Length % 2 == 0 ? value : value + (vrType == gdcm.VR.VRType.UI ? "\0" : " ");
        var bytes = Encoding.ASCII.GetBytes(padded);
        using var tag = new gdcm.Tag(group, element);
        using var dataElement = new gdcm.DataElement(tag);
        using var vr = new gdcm.VR(vrType);
        dataElement.SetVR(vr);
        using var length = new gdcm.VL((uint)bytes.Length);
        dataElement.SetByteValue(bytes, length);
        dataSet.Replace(dataElement);
    }
}
