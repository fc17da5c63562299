using System.IO.Compression;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Nifti;

/// <summary>
/// Reads NIfTI-1 and NIfTI-2 (.nii, .nii.gz, .hdr/.img) in either byte order. Applies scl_slope and
/// scl_inter, converts the affine from RAS to LPS, and reads only the first volume of a 4D file
/// (with a warning on the result).
/// </summary>
public sealed class NiftiVolumeReader : IVolumeReader
{
    public bool CanRead(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return File.Exists(path) && (name.EndsWith(".nii", StringComparison.Ordinal) || name.EndsWith(".nii.gz", StringComparison.Ordinal) || name.EndsWith(".hdr", StringComparison.Ordinal));
    }

    public Volume Read(string path, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ImageReadException(ImageReadFailure.NotFound, $"File not found: {path}");
        }

        if (info.Length == 0)
        {
            throw new ImageReadException(ImageReadFailure.EmptyFile, $"The file is empty: {name}");
        }

        // Signature first: a text file named .nii.gz is "not gzip", not a damaged gzip stream.
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && !StartsWithGzipMagic(path))
        {
            throw new ImageReadException(ImageReadFailure.NotAnImage, $"{name} is not a gzip-compressed NIfTI file: it does not start with the gzip signature.");
        }

        try
        {
            return ReadChecked(path, name, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, $"{name}: the gzip stream is damaged ({e.Message}).", e);
        }
        catch (EndOfStreamException e)
        {
            throw new ImageReadException(ImageReadFailure.Truncated, $"{name} ends before all its voxels; the file looks truncated.", e);
        }
    }

    private static Volume ReadChecked(string path, string name, CancellationToken cancellationToken)
    {
        NiftiHeader header;
        using (var stream = Open(path))
        {
            header = ReadHeader(stream, name);
            if (header.SingleFile)
            {
                return ReadVoxels(stream, header, name, header.VoxOffset, cancellationToken);
            }
        }

        // A .hdr/.img pair keeps the voxels in the .img beside it, from offset vox_offset.
        var imagePath = Path.ChangeExtension(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path, ".img");
        if (!File.Exists(imagePath) && File.Exists(imagePath + ".gz"))
        {
            imagePath += ".gz";
        }

        if (!File.Exists(imagePath))
        {
            throw new ImageReadException(ImageReadFailure.NotFound, $"{name} is a NIfTI header whose image file {Path.GetFileName(imagePath)} is missing.");
        }

        using var image = Open(imagePath);
        return ReadVoxels(image, header, name, header.VoxOffset, cancellationToken, alreadyRead: 0);
    }

    private static bool StartsWithGzipMagic(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && head[0] == 0x1F && head[1] == 0x8B;
    }

    private static Stream Open(string path)
    {
        Stream file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static NiftiHeader ReadHeader(Stream stream, string name)
    {
        var buffer = new byte[NiftiHeaderParser.Nifti2Size];
        var got = stream.ReadAtLeast(buffer.AsSpan(0, 4), 4, throwOnEndOfStream: false);
        var (size, littleEndian) = got == 4 ? NiftiHeaderParser.Probe(buffer.AsSpan(0, 4)) : (0, true);
        if (size == 0)
        {
            throw new ImageReadException(ImageReadFailure.NotAnImage, $"{name} is not a NIfTI file (its first bytes give no header size of 348 or 540).");
        }

        if (stream.ReadAtLeast(buffer.AsSpan(4, size - 4), size - 4, throwOnEndOfStream: false) < size - 4)
        {
            throw new ImageReadException(ImageReadFailure.Truncated, $"{name} ends inside its NIfTI header.");
        }

        return NiftiHeaderParser.Parse(buffer[..size], littleEndian, name);
    }

    private static Volume ReadVoxels(Stream stream, NiftiHeader h, string name, long voxOffset, CancellationToken cancellationToken, long? alreadyRead = null)
    {
        var bytesPerVoxel = NiftiVoxelDecoder.BytesPerVoxel(h.DataType, name);
        var (nx, ny, nz) = (h.Size(1), h.Size(2), h.Size(3));
        if (h.Dim[0] is < 1 or > 7 || nx * ny * nz > int.MaxValue)
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, $"{name}: implausible NIfTI dimensions [{string.Join(", ", h.Dim)}].");
        }

        var warnings = new List<string>();
        var volumes = 1L;
        for (var axis = 4; axis <= h.Dim[0]; axis++)
        {
            volumes *= h.Size(axis);
        }

        if (volumes > 1)
        {
            warnings.Add($"The file holds {volumes} volumes (4D); only the first was read.");
        }

        var headerLength = h.Version == 1 ? NiftiHeaderParser.Nifti1Size : NiftiHeaderParser.Nifti2Size;
        Skip(stream, voxOffset - (alreadyRead ?? headerLength));

        // A slope of 0 or NaN means "no scaling" (nifti1.h); an infinite one is a damaged header.
        if (double.IsInfinity(h.SclSlope) || double.IsInfinity(h.SclInter))
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, $"{name} is damaged: scl_slope {h.SclSlope} or scl_inter {h.SclInter} is infinite.");
        }

        var noScaling = h.SclSlope == 0 || double.IsNaN(h.SclSlope);
        var slope = noScaling ? 1 : h.SclSlope;
        var intercept = noScaling || double.IsNaN(h.SclInter) ? 0 : h.SclInter;

        // Slices go straight into the final buffer: Int16 when the datatype and scaling allow it,
        // promoted to Float32 on the first value that does not fit.
        var sliceVoxels = (int)(nx * ny);
        var sliceBytes = new byte[sliceVoxels * bytesPerVoxel];
        var raw = new float[sliceVoxels];
        var tryInt16 = VoxelBufferBuilder.MayFitInt16(NiftiVoxelDecoder.IsInteger(h.DataType), slope, intercept);
        var builder = new VoxelBufferBuilder((int)nx, (int)ny, (int)nz, tryInt16 ? VoxelType.Int16 : VoxelType.Float32);
        for (var k = 0; k < nz; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stream.ReadExactly(sliceBytes);
            NiftiVoxelDecoder.Decode(sliceBytes, h.DataType, h.LittleEndian, raw);
            if (!builder.SetSlice(k, raw, slope, intercept))
            {
                builder.PromoteToFloat32();
                _ = builder.SetSlice(k, raw, slope, intercept);
            }
        }

        var (spacing, origin, direction, source) = NiftiAffine.ToLps(h);
        if (source == "pixdim")
        {
            warnings.Add("Neither sform nor qform is set; the orientation was taken as identity with the pixdim spacing.");
        }

        var geometry = new VolumeGeometry((int)nx, (int)ny, (int)nz, spacing, origin, direction);
        var format = h.Version == 1 ? "NIfTI-1" : "NIfTI-2";
        var metadata = new VolumeMetadata
        {
            SourceFormat = format,
            TransferSyntax = $"{format} {h.DataType} ({source})",
            SeriesDescription = h.Description,
            Photometric = "MONOCHROME2",
            RescaleSlope = slope,
            RescaleIntercept = intercept,
        };
        return builder.Build(geometry, metadata, warnings);
    }

    private static void Skip(Stream stream, long count)
    {
        if (count < 0)
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, "The NIfTI vox_offset points inside the header.");
        }

        var scratch = new byte[Math.Min(count, 64 * 1024)];
        while (count > 0)
        {
            var chunk = (int)Math.Min(count, scratch.Length);
            stream.ReadExactly(scratch, 0, chunk);
            count -= chunk;
        }
    }
}
