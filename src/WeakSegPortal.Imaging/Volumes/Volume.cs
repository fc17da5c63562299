namespace WeakSegPortal.Imaging.Volumes;

/// <summary>
/// A 3D scalar image in real units (rescale already applied), voxel (i, j, k) at
/// index i + nx·(j + ny·k). CT and other exact 16-bit integers stay Int16 (half the memory
/// of float); everything else is Float32. Colour sources hold luminance.
/// </summary>
public sealed class Volume
{
    private readonly short[]? _int16;
    private readonly float[]? _float32;

    private Volume(VolumeGeometry geometry, VolumeMetadata metadata, short[]? int16, float[]? float32, IReadOnlyList<string> warnings)
    {
        Geometry = geometry;
        Metadata = metadata;
        _int16 = int16;
        _float32 = float32;
        Warnings = warnings;
        var length = int16?.Length ?? float32!.Length;
        if (length != geometry.VoxelCount)
        {
            throw new ArgumentException($"Voxel buffer holds {length} values but the geometry needs {geometry.VoxelCount}.");
        }
    }

    public static Volume FromInt16(VolumeGeometry geometry, VolumeMetadata metadata, short[] voxels, IReadOnlyList<string>? warnings = null) =>
        new(geometry, metadata, voxels, null, warnings ?? []);

    public static Volume FromFloat32(VolumeGeometry geometry, VolumeMetadata metadata, float[] voxels, IReadOnlyList<string>? warnings = null) =>
        new(geometry, metadata, null, voxels, warnings ?? []);

    public VolumeGeometry Geometry { get; }
    public VolumeMetadata Metadata { get; }

    /// <summary>Things the reader had to decide for the user (e.g. "4D file: only the first volume was read").</summary>
    public IReadOnlyList<string> Warnings { get; }

    public VoxelType VoxelType => _int16 is not null ? VoxelType.Int16 : VoxelType.Float32;
    public int Nx => Geometry.Nx;
    public int Ny => Geometry.Ny;
    public int Nz => Geometry.Nz;

    /// <summary>The Int16 voxels; throws for a Float32 volume.</summary>
    public short[] Int16Voxels => _int16 ?? throw new InvalidOperationException("This volume holds Float32 voxels.");

    /// <summary>The Float32 voxels; throws for an Int16 volume.</summary>
    public float[] Float32Voxels => _float32 ?? throw new InvalidOperationException("This volume holds Int16 voxels.");

    public long Offset(int i, int j, int k) => i + ((long)Nx * (j + ((long)Ny * k)));

    public float this[int i, int j, int k] => this[Offset(i, j, k)];

    public float this[long offset] => _int16 is not null ? _int16[offset] : _float32![offset];

    /// <summary>Copies slice k (x fastest) as floats into <paramref name="destination"/>.</summary>
    public void CopySlice(int k, Span<float> destination)
    {
        var size = Nx * Ny;
        var start = (long)size * k;
        if (_int16 is not null)
        {
            var source = _int16.AsSpan((int)start, size);
            for (var n = 0; n < size; n++)
            {
                destination[n] = source[n];
            }
        }
        else
        {
            _float32.AsSpan((int)start, size).CopyTo(destination);
        }
    }

    /// <summary>Smallest and largest voxel value.</summary>
    public (float Min, float Max) ValueRange()
    {
        if (_int16 is not null)
        {
            if (_int16.Length == 0)
            {
                return (0, 0);
            }

            short lo = short.MaxValue, hi = short.MinValue;
            foreach (var v in _int16)
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }

            return (lo, hi);
        }

        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        foreach (var v in _float32!)
        {
            if (float.IsNaN(v))
            {
                continue;
            }

            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return float.IsPositiveInfinity(min) ? (0, 0) : (min, max);
    }
}
