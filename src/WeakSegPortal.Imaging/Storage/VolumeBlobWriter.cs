using System.Runtime.InteropServices;
using System.Security.Cryptography;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Storage;

/// <summary>Stores a volume in the blob store (WSVL format) and hashes its content for duplicate detection.</summary>
public sealed class VolumeBlobWriter(IBlobStore store)
{
    public async Task<(BlobKey Key, string ContentHash)> StoreAsync(Volume volume, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var temp = Path.Combine(Path.GetTempPath(), $"weakseg-volume-{Guid.NewGuid():N}");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await VolumeBlobFormat.WriteAsync(volume, file, ct);
            }
            await using var stored = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            return (await store.PutAsync(stored, ct), ContentHash(volume));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>SHA-256 of dimensions, voxel type and voxels: the image itself, whatever file carried it.</summary>
    public static string ContentHash(Volume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<int> dims = [volume.Nx, volume.Ny, volume.Nz, (int)volume.VoxelType];
        hash.AppendData(MemoryMarshal.AsBytes(dims));
        hash.AppendData(volume.VoxelType == VoxelType.Int16
            ? MemoryMarshal.AsBytes(volume.Int16Voxels.AsSpan())
            : MemoryMarshal.AsBytes(volume.Float32Voxels.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
