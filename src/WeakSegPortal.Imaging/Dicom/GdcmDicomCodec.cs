using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// <see cref="IDicomCodec"/> on GDCM 3's C# binding (Debian libgdcm-cil). Decodes uncompressed,
/// RLE, JPEG baseline/extended/lossless, JPEG-LS and JPEG 2000 pixel data.
/// </summary>
public sealed class GdcmDicomCodec : IDicomCodec
{
    private const string RleLossless = "1.2.840.10008.1.2.5";

    public GdcmDicomCodec()
    {
        GdcmTrace.Silence();
    }

    public DicomHeader ReadHeader(string path)
    {
        DicomFileSignature.EnsureReadableFile(path);
        DicomStructureCheck.EnsureComplete(path);
        using var reader = new gdcm.Reader();
        reader.SetFileName(path);
        using var pixelDataTag = new gdcm.Tag(0x7fe0, 0x0010);
        bool ok;
        try
        {
            ok = reader.ReadUpToTag(pixelDataTag);
        }
        catch (Exception e) when (e is not ImageReadException)
        {
            throw NotReadable(path, e);
        }

        if (!ok)
        {
            throw NotReadable(path, null);
        }

        return GdcmHeaderParser.Parse(path, reader.GetFile());
    }

    public DicomPixels ReadPixels(string path)
    {
        DicomFileSignature.EnsureReadableFile(path);
        DicomStructureCheck.EnsureComplete(path);
        using var reader = new gdcm.ImageReader();
        reader.SetFileName(path);
        bool ok;
        try
        {
            ok = reader.Read();
        }
        catch (Exception e) when (e is not ImageReadException)
        {
            throw NotReadable(path, e);
        }

        if (!ok)
        {
            throw ExplainImageReadFailure(path);
        }

        var header = GdcmHeaderParser.Parse(path, reader.GetFile());
        using var image = reader.GetImage();
        return Decode(path, header, image);
    }

    private static DicomPixels Decode(string path, DicomHeader header, gdcm.Image image)
    {
        using var pixelFormat = image.GetPixelFormat();
        var format = MapScalarType(path, pixelFormat.GetScalarType());
        var length = image.GetBufferLength();
        var buffer = new byte[length];
        var frames = Math.Max(1, image.GetNumberOfDimensions() >= 3 ? (int)image.GetDimension(2) : 1);
        var samples = pixelFormat.GetSamplesPerPixel();
        var bytesPerSample = DicomFrameDecoder.BytesPerSample(format);
        if (header.TransferSyntaxUid == RleLossless)
        {
            // Our own RLE decoder: GDCM's scrambles multi-byte colour and asserts (killing the process) on damaged segments.
            DecodeRle(image, frames, samples, bytesPerSample, buffer);
        }
        else if (length == 0 || !image.GetBuffer(buffer))
        {
            var ts = header.TransferSyntaxUid;
            throw new ImageReadException(
                LooksTruncated(path, length) ? ImageReadFailure.Truncated : ImageReadFailure.UnsupportedFormat,
                LooksTruncated(path, length)
                    ? $"{Name(path)}: the pixel data is incomplete (the file looks truncated)."
                    : $"{Name(path)}: the pixel data could not be decoded (transfer syntax {DicomTransferSyntaxNames.Describe(ts)}).");
        }
        else
        {
            EnsureCompleteNativePixelData(path, image, length);
        }

        using var photometric = image.GetPhotometricInterpretation();
        return new DicomPixels
        {
            Header = header,
            Buffer = buffer,
            Format = format,
            Columns = (int)image.GetDimension(0),
            Rows = (int)image.GetDimension(1),
            Frames = frames,
            SamplesPerPixel = samples,
            Planar = image.GetPlanarConfiguration() == 1 && header.TransferSyntaxUid != RleLossless,
            Photometric = DicomTagText.Clean(photometric.GetString()),
            StoredMin = pixelFormat.GetMin(),
            StoredMax = pixelFormat.GetMax(),
            Spacing = new Vec3(image.GetSpacing(0), image.GetSpacing(1), image.GetSpacing(2)),
            Origin = new Vec3(image.GetOrigin(0), image.GetOrigin(1), image.GetOrigin(2)),
            Direction = DirectionOf(image),
        };
    }

    /// <summary>
    /// Decodes RLE frames from the raw fragments, one fragment per frame. GDCM 3.0 returns scrambled
    /// samples for 16- and 32-bit colour RLE (checked against pydicom).
    /// </summary>
    private static void DecodeRle(gdcm.Image image, int frames, int samples, int bytesPerSample, byte[] buffer)
    {
        using var element = image.GetDataElement();
        using var fragments = element.GetSequenceOfFragments();
        if (fragments is null || fragments.GetNumberOfFragments() != frames)
        {
            throw new ImageReadException(ImageReadFailure.UnsupportedFormat, "RLE pixel data with more than one fragment per frame is not supported.");
        }

        var pixels = (int)(image.GetDimension(0) * image.GetDimension(1));
        var frameBytes = pixels * samples * bytesPerSample;
        for (var f = 0; f < frames; f++)
        {
            using var fragment = fragments.GetFragment((uint)f);
            using var value = fragment.GetByteValue();
            var length = value.GetLength().GetValueLength();
            var data = new byte[length];
            value.GetBuffer(data, length);
            RleFrameDecoder.Decode(data, pixels, samples, bytesPerSample, buffer.AsSpan(f * frameBytes, frameBytes));
        }
    }

    /// <summary>
    /// GDCM pads a short native (uncompressed) pixel data element with zeros instead of failing;
    /// a user must hear that the file is truncated rather than see a black strip.
    /// </summary>
    private static void EnsureCompleteNativePixelData(string path, gdcm.Image image, uint expectedLength)
    {
        using var syntax = image.GetTransferSyntax();
        using var photometric = image.GetPhotometricInterpretation();

        // Subsampled YBR is stored smaller than the decoded buffer GDCM hands back.
        if (syntax.IsEncapsulated() || photometric.GetString().Contains("_42", StringComparison.Ordinal))
        {
            return;
        }

        using var element = image.GetDataElement();
        using var value = element.GetByteValue();
        if (value is not null && value.GetLength().GetValueLength() < expectedLength)
        {
            throw new ImageReadException(ImageReadFailure.Truncated, $"{Name(path)}: the pixel data holds {value.GetLength().GetValueLength()} of {expectedLength} bytes; the file looks truncated.");
        }
    }

    private static Direction3 DirectionOf(gdcm.Image image)
    {
        var row = new Vec3(image.GetDirectionCosines(0), image.GetDirectionCosines(1), image.GetDirectionCosines(2)).Normalized();
        var column = new Vec3(image.GetDirectionCosines(3), image.GetDirectionCosines(4), image.GetDirectionCosines(5)).Normalized();
        return new Direction3(row, column, row.Cross(column).Normalized());
    }

    private static DicomSampleFormat MapScalarType(string path, gdcm.PixelFormat.ScalarType type) => type switch
    {
        gdcm.PixelFormat.ScalarType.UINT8 => DicomSampleFormat.UInt8,
        gdcm.PixelFormat.ScalarType.INT8 => DicomSampleFormat.Int8,
        gdcm.PixelFormat.ScalarType.UINT12 or gdcm.PixelFormat.ScalarType.UINT16 => DicomSampleFormat.UInt16,
        gdcm.PixelFormat.ScalarType.INT12 or gdcm.PixelFormat.ScalarType.INT16 => DicomSampleFormat.Int16,
        gdcm.PixelFormat.ScalarType.UINT32 => DicomSampleFormat.UInt32,
        gdcm.PixelFormat.ScalarType.INT32 => DicomSampleFormat.Int32,
        gdcm.PixelFormat.ScalarType.FLOAT32 => DicomSampleFormat.Float32,
        gdcm.PixelFormat.ScalarType.FLOAT64 => DicomSampleFormat.Float64,
        _ => throw new ImageReadException(ImageReadFailure.UnsupportedFormat, $"{Name(path)}: pixel type {type} is not supported."),
    };

    private static ImageReadException ExplainImageReadFailure(string path)
    {
        // Tell the user which of three things is wrong: not DICOM, DICOM without an image, or a broken image.
        using var plain = new gdcm.Reader();
        plain.SetFileName(path);
        if (!plain.Read())
        {
            return NotReadable(path, null);
        }

        using var file = plain.GetFile();
        using var dataSet = file.GetDataSet();
        using var pixelDataTag = new gdcm.Tag(0x7fe0, 0x0010);
        if (!dataSet.FindDataElement(pixelDataTag))
        {
            return new ImageReadException(ImageReadFailure.NotAnImage, $"{Name(path)} is a DICOM file without pixel data (for example a report or a plan), not an image.");
        }

        var header = GdcmHeaderParser.Parse(path, file);
        return new ImageReadException(
            ImageReadFailure.UnsupportedFormat,
            $"{Name(path)}: the image could not be decoded (transfer syntax {DicomTransferSyntaxNames.Describe(header.TransferSyntaxUid)}, photometric {header.Photometric}).");
    }

    private static ImageReadException NotReadable(string path, Exception? inner)
    {
        if (DicomFileSignature.HasPart10Preamble(path))
        {
            return new ImageReadException(ImageReadFailure.Truncated, $"{Name(path)} starts like a DICOM file but could not be parsed; it may be truncated or damaged.", inner);
        }

        return new ImageReadException(ImageReadFailure.NotAnImage, $"{Name(path)} is not a DICOM file.", inner);
    }

    private static bool LooksTruncated(string path, uint expectedLength) =>
        new FileInfo(path).Length < expectedLength;

    private static string Name(string path) => System.IO.Path.GetFileName(path);
}
