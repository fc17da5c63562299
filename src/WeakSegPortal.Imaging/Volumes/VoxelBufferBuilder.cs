namespace WeakSegPortal.Imaging.Volumes;

/// <summary>
/// Fills a volume slice by slice from raw stored values, applying value = raw·slope + intercept,
/// into Int16 while every result is an exact Int16, else into Float32.
/// </summary>
public sealed class VoxelBufferBuilder
{
    private readonly int _sliceSize;
    private short[]? _int16;
    private float[]? _float32;

    public VoxelBufferBuilder(int nx, int ny, int nz, VoxelType type)
    {
        _sliceSize = checked(nx * ny);
        var count = checked(_sliceSize * nz);
        if (type == VoxelType.Int16)
        {
            _int16 = new short[count];
        }
        else
        {
            _float32 = new float[count];
        }
    }

    /// <summary>Whether Int16 is worth trying: integer samples and an integer rescale (overflow is still checked per slice).</summary>
    public static bool MayFitInt16(bool rawIsInteger, double slope, double intercept) =>
        rawIsInteger && slope == Math.Round(slope) && intercept == Math.Round(intercept);

    public VoxelType Type => _int16 is not null ? VoxelType.Int16 : VoxelType.Float32;

    /// <summary>
    /// Writes slice k from raw values (x fastest) with the given rescale. Returns false when an Int16
    /// buffer cannot hold a value exactly; the caller then starts again with Float32.
    /// </summary>
    public bool SetSlice(int k, ReadOnlySpan<float> raw, double slope, double intercept)
    {
        var offset = k * _sliceSize;
        if (_int16 is not null)
        {
            var destination = _int16.AsSpan(offset, _sliceSize);
            for (var n = 0; n < _sliceSize; n++)
            {
                var value = (raw[n] * slope) + intercept;
                if (value < short.MinValue || value > short.MaxValue || value != Math.Round(value))
                {
                    return false;
                }

                destination[n] = (short)value;
            }

            return true;
        }

        var target = _float32.AsSpan(offset, _sliceSize);
        if (slope == 1 && intercept == 0)
        {
            raw[.._sliceSize].CopyTo(target);
            return true;
        }

        for (var n = 0; n < _sliceSize; n++)
        {
            target[n] = (float)((raw[n] * slope) + intercept);
        }

        return true;
    }

    /// <summary>
    /// Switches an Int16 buffer to Float32, keeping the slices already written; for sequential readers
    /// that meet a value Int16 cannot hold and cannot go back to the start (a gzip stream).
    /// </summary>
    public void PromoteToFloat32()
    {
        if (_int16 is null)
        {
            return;
        }

        var promoted = new float[_int16.Length];
        for (var n = 0; n < promoted.Length; n++)
        {
            promoted[n] = _int16[n];
        }

        _float32 = promoted;
        _int16 = null;
    }

    /// <summary>The volume; a geometry with a non-finite number (a damaged header's spacing, origin or orientation) is refused.</summary>
    public Volume Build(VolumeGeometry geometry, VolumeMetadata metadata, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        Vec3[] vectors = [geometry.Spacing, geometry.Origin, .. Enumerable.Range(0, 3).Select(geometry.Direction.Column)];
        if (!vectors.All(v => double.IsFinite(v.X) && double.IsFinite(v.Y) && double.IsFinite(v.Z)))
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, "The header gives a spacing, position or orientation that is not a finite number; the file is damaged.");
        }
        return _int16 is not null
            ? Volume.FromInt16(geometry, metadata, _int16, warnings)
            : Volume.FromFloat32(geometry, metadata, _float32!, warnings);
    }
}
