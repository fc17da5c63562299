using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Json;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Storage;

/// <summary>
/// How a volume is kept in the blob store: "WSVL", version byte, voxel type byte, two spare bytes,
/// a uint32 length of the JSON that follows (geometry, metadata, warnings), then the voxels
/// little-endian (Int16 or Float32), x fastest. Uncompressed on purpose: the slice server reads
/// the whole volume once and the content hash keys every cached slice.
/// </summary>
public static class VolumeBlobFormat
{
    private const byte Version = 1;
    private static ReadOnlySpan<byte> Magic => "WSVL"u8;

    private sealed record Header(int Nx, int Ny, int Nz, double[] Spacing, double[] Origin, double[] Direction, VolumeMetadata Metadata, string[] Warnings);

    public static async Task WriteAsync(Volume volume, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(destination);
        var g = volume.Geometry;
        var header = new Header(g.Nx, g.Ny, g.Nz, [g.Spacing.X, g.Spacing.Y, g.Spacing.Z], [g.Origin.X, g.Origin.Y, g.Origin.Z],
            g.Direction.ToRowMajor(), volume.Metadata, [.. volume.Warnings]);
        var json = JsonSerializer.SerializeToUtf8Bytes(header);
        var prefix = new byte[12];
        Magic.CopyTo(prefix);
        prefix[4] = Version;
        prefix[5] = (byte)volume.VoxelType;
        BinaryPrimitives.WriteUInt32LittleEndian(prefix.AsSpan(8), (uint)json.Length);
        await destination.WriteAsync(prefix, ct);
        await destination.WriteAsync(json, ct);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Volume blobs are written on little-endian machines only.");
        }
        var voxels = volume.VoxelType == VoxelType.Int16
            ? MemoryMarshal.AsBytes(volume.Int16Voxels.AsSpan()).ToArray()
            : MemoryMarshal.AsBytes(volume.Float32Voxels.AsSpan()).ToArray();
        await destination.WriteAsync(voxels, ct);
    }

    public static async Task<Volume> ReadAsync(Stream source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var prefix = new byte[12];
        await source.ReadExactlyAsync(prefix, ct);
        if (!prefix.AsSpan(0, 4).SequenceEqual(Magic) || prefix[4] != Version)
        {
            throw new InvalidDataException("Not a version-1 WSVL volume blob.");
        }
        var type = (VoxelType)prefix[5];
        var json = new byte[BinaryPrimitives.ReadUInt32LittleEndian(prefix.AsSpan(8))];
        await source.ReadExactlyAsync(json, ct);
        var header = JsonSerializer.Deserialize<Header>(json) ?? throw new InvalidDataException("The volume blob has no header.");
        var d = header.Direction;
        var geometry = new VolumeGeometry(header.Nx, header.Ny, header.Nz,
            new Vec3(header.Spacing[0], header.Spacing[1], header.Spacing[2]),
            new Vec3(header.Origin[0], header.Origin[1], header.Origin[2]),
            new Direction3(new Vec3(d[0], d[3], d[6]), new Vec3(d[1], d[4], d[7]), new Vec3(d[2], d[5], d[8])));
        var count = checked((int)geometry.VoxelCount);
        if (type == VoxelType.Int16)
        {
            var voxels = new short[count];
            return Volume.FromInt16(geometry, header.Metadata, await ReadInto(source, voxels, ct), header.Warnings);
        }
        var floats = new float[count];
        return Volume.FromFloat32(geometry, header.Metadata, await ReadInto(source, floats, ct), header.Warnings);
    }

    private static async Task<T[]> ReadInto<T>(Stream source, T[] target, CancellationToken ct) where T : struct
    {
        var buffer = new byte[Math.Min(1 << 20, target.Length * Marshal.SizeOf<T>())];
        var bytes = MemoryMarshal.AsBytes(target.AsSpan()).Length;
        var offset = 0;
        while (offset < bytes)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, bytes - offset)), ct);
            if (read == 0)
            {
                throw new InvalidDataException("The volume blob is truncated.");
            }
            buffer.AsSpan(0, read).CopyTo(MemoryMarshal.AsBytes(target.AsSpan())[offset..]);
            offset += read;
        }
        return target;
    }
}
