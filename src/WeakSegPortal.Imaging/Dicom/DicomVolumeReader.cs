using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// Reads a DICOM file (single or multi-frame) or a folder holding one series into a <see cref="Volume"/>,
/// with rescale slope/intercept applied (CT in Hounsfield units) and MONOCHROME1 inverted.
/// </summary>
public sealed class DicomVolumeReader(IDicomCodec codec) : IVolumeReader
{
    public DicomVolumeReader()
        : this(new GdcmDicomCodec())
    {
    }

    public bool CanRead(string path)
    {
        if (Directory.Exists(path))
        {
            return true;
        }

        if (!File.Exists(path))
        {
            return false;
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".dcm" or ".dicom" or ".ima" || (new FileInfo(path).Length > 0 && DicomFileSignature.HasPart10Preamble(path));
    }

    public Volume Read(string path, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(path))
        {
            return ReadFile(path);
        }

        var scan = new DicomFolderScanner(codec).Scan(path, cancellationToken);
        return scan.Series.Count switch
        {
            0 => throw new ImageReadException(ImageReadFailure.NotAnImage, $"No DICOM image was found in {path} ({scan.Skipped.Count} other files)."),
            1 => ReadSeries(scan.Series[0], cancellationToken),
            _ => throw new ImageReadException(
                ImageReadFailure.InconsistentSeries,
                $"{path} holds {scan.Series.Count} series; pick one: " +
                string.Join("; ", scan.Series.Select(s => $"{s.SeriesInstanceUid} ({s.Modality} {s.Description}, {s.Files.Count} files)"))),
        };
    }

    /// <summary>Reads one series: a multi-frame file, or single-frame files ordered along the slice normal.</summary>
    public Volume ReadSeries(DicomSeries series, CancellationToken cancellationToken = default)
    {
        if (series.Files.Count == 1)
        {
            return ReadFile(series.Files[0].Path);
        }

        var stack = DicomSliceOrderer.Order(series.Files);
        var first = stack.Slices[0];
        var tryInt16 = stack.Slices.All(h => h.SamplesPerPixel == 1 && h.BitsAllocated <= 16 && VoxelBufferBuilder.MayFitInt16(true, h.RescaleSlope, h.RescaleIntercept));
        var (builder, photometric) = tryInt16 ? DecodeStack(stack, VoxelType.Int16, cancellationToken) : (null, null);
        if (builder is null)
        {
            // Some value did not fit Int16 exactly (a rare CT with values beyond ±32767 HU, or a float rescale).
            (builder, photometric) = DecodeStack(stack, VoxelType.Float32, cancellationToken);
        }

        var geometry = new VolumeGeometry(first.Columns, first.Rows, stack.Slices.Count, stack.Spacing, stack.Origin, stack.Direction);
        var warnings = new List<string>();
        if (first.PixelSpacing is null)
        {
            warnings.Add("The series has no PixelSpacing; 1 mm was assumed.");
        }

        var metadata = MetadataOf(first, photometric![0]) with { SopInstanceUids = [.. stack.Slices.Select(s => s.SopInstanceUid)] };
        return builder!.Build(geometry, metadata, warnings);
    }

    private (VoxelBufferBuilder? Builder, string[]? Photometric) DecodeStack(DicomSliceStack stack, VoxelType type, CancellationToken cancellationToken)
    {
        var first = stack.Slices[0];
        var builder = new VoxelBufferBuilder(first.Columns, first.Rows, stack.Slices.Count, type);
        var photometric = new string[stack.Slices.Count];
        var exact = true;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            exact = DecodeSlices(stack, builder, photometric, options);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.OfType<ImageReadException>().FirstOrDefault() is { } refusal)
        {
            // Parallel.For wraps what a slice threw: the reason for the person is the slice's own.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(refusal).Throw();
        }
        return exact ? (builder, photometric) : (null, null);
    }

    /// <summary>Decodes every slice into the builder; false when a slice's values do not fit its voxel type.</summary>
    private bool DecodeSlices(DicomSliceStack stack, VoxelBufferBuilder builder, string[] photometric, ParallelOptions options)
    {
        var first = stack.Slices[0];
        var allExact = true;
        Parallel.For(0, stack.Slices.Count, options, () => new float[first.Columns * first.Rows], (k, state, grey) =>
        {
            var pixels = codec.ReadPixels(stack.Slices[k].Path);
            if (pixels.Columns != first.Columns || pixels.Rows != first.Rows || pixels.Frames != 1)
            {
                throw new ImageReadException(ImageReadFailure.InconsistentSeries, $"{Path.GetFileName(pixels.Header.Path)} decodes to {pixels.Columns}×{pixels.Rows}×{pixels.Frames}, not {first.Columns}×{first.Rows}×1.");
            }

            DicomFrameDecoder.ToGrey(pixels, 0, grey);
            if (!builder.SetSlice(k, grey, pixels.Header.RescaleSlope, pixels.Header.RescaleIntercept))
            {
                allExact = false;
                state.Stop();
            }

            photometric[k] = pixels.Photometric;
            return grey;
        }, _ => { });
        return allExact;
    }

    private Volume ReadFile(string path)
    {
        var pixels = codec.ReadPixels(path);
        var header = pixels.Header;
        var warnings = new List<string>();
        var isInteger = DicomFrameDecoder.IsInteger(pixels.Format) && pixels.SamplesPerPixel == 1;
        var builder = VoxelBufferBuilder.MayFitInt16(isInteger, header.RescaleSlope, header.RescaleIntercept)
            ? FillFrames(pixels, VoxelType.Int16)
            : null;
        builder ??= FillFrames(pixels, VoxelType.Float32)!;

        VolumeGeometry geometry;
        if (pixels.Frames == 1 && header.Position is not null && header.Orientation is not null)
        {
            var stack = DicomSliceOrderer.Order([header]);
            geometry = new VolumeGeometry(pixels.Columns, pixels.Rows, 1, stack.Spacing, stack.Origin, stack.Direction);
        }
        else
        {
            // Multi-frame geometry lives in functional groups that GDCM already interprets.
            geometry = new VolumeGeometry(pixels.Columns, pixels.Rows, pixels.Frames, pixels.Spacing, pixels.Origin, pixels.Direction);
            if (header.Position is null && header.Orientation is null && pixels.Frames == 1)
            {
                warnings.Add("The file has no patient position or orientation; identity orientation was assumed.");
            }
        }

        if (pixels.SamplesPerPixel > 1)
        {
            warnings.Add($"Colour image ({pixels.Photometric}) converted to luminance.");
        }

        return builder.Build(geometry, MetadataOf(header, pixels.Photometric) with { SourceSamplesPerPixel = pixels.SamplesPerPixel }, warnings);
    }

    private static VoxelBufferBuilder? FillFrames(DicomPixels pixels, VoxelType type)
    {
        var builder = new VoxelBufferBuilder(pixels.Columns, pixels.Rows, pixels.Frames, type);
        var grey = new float[pixels.Columns * pixels.Rows];
        for (var k = 0; k < pixels.Frames; k++)
        {
            DicomFrameDecoder.ToGrey(pixels, k, grey);
            if (!builder.SetSlice(k, grey, pixels.Header.RescaleSlope, pixels.Header.RescaleIntercept))
            {
                return null;
            }
        }

        return builder;
    }

    private static VolumeMetadata MetadataOf(DicomHeader header, string decodedPhotometric) => new()
    {
        Modality = header.Modality,
        StudyInstanceUid = header.StudyInstanceUid,
        SeriesInstanceUid = header.SeriesInstanceUid,
        SeriesDescription = header.SeriesDescription,
        SopClassUid = header.SopClassUid,
        FrameOfReferenceUid = header.FrameOfReferenceUid,
        SopInstanceUids = header.SopInstanceUid.Length > 0 ? [header.SopInstanceUid] : [],
        TransferSyntax = header.TransferSyntaxUid,
        Photometric = header.Photometric.Length > 0 ? header.Photometric : decodedPhotometric,
        SourceFormat = "DICOM",
        RescaleSlope = header.RescaleSlope,
        RescaleIntercept = header.RescaleIntercept,
        SourceSamplesPerPixel = header.SamplesPerPixel,
    };
}
