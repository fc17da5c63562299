using System.Security.Cryptography;

namespace WeakSegPortal.Imaging.Storage;

/// <summary>
/// <see cref="IBlobStore"/> on a folder: blob ab12… lives at ab/12/ab12…, written to a temporary
/// file in the same file system first (<c>.tmp/</c>, a fresh name per write), flushed to disk and renamed into
/// place, so a reader never sees half a blob. Nothing is kept in memory: the folder itself is the index, so
/// several web nodes (and the import decoder they start) may share one folder (NFS, CephFS, EFS…) at once;
/// two writers of the same bytes both succeed with one file (content addressing). See docs/blob-storage.md.
/// </summary>
public sealed class LocalDiskBlobStore : IBlobStore
{
    private readonly string _root;
    private readonly string _temp;

    public LocalDiskBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, ".tmp");
        Directory.CreateDirectory(_temp);
    }

    public async Task<BlobKey> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tempPath = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        try
        {
            BlobKey key;
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                // On disk before the rename makes it visible: after a crash (or on a shared folder, to the other
                // nodes) a blob is whole or absent.
                file.Flush(flushToDisk: true);
                key = new BlobKey(Convert.ToHexStringLower(hash.GetHashAndReset()));
            }

            var finalPath = PathOf(key);
            if (File.Exists(finalPath))
            {
                return key;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            try
            {
                File.Move(tempPath, finalPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(finalPath))
            {
                // Another writer stored the same bytes first; content addressing makes that a success.
            }

            return key;
        }
        finally
        {
            File.Delete(tempPath);
        }
    }

    public Task<Stream?> OpenReadAsync(BlobKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Stream stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(BlobKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(PathOf(key)));
    }

    public Task<bool> DeleteAsync(BlobKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <summary>Two levels of fan-out keep folders small (65,536 of them, each with few files).</summary>
    public string PathOf(BlobKey key) => Path.Combine(_root, key.Hex[..2], key.Hex[2..4], key.Hex);
}
