using WeakSegPortal.Imaging;
using WeakSegPortal.Imaging.Archives;

namespace WeakSegPortal.Web.DataImport;

/// <summary>
/// The temp folder of one import: uploaded files land here under safe names, .zip archives are
/// expanded safely (no ../ or absolute entries, no zip bombs), and whatever cannot be staged is
/// refused with a reason. Deleted with everything in it when disposed.
/// </summary>
public sealed class ImportStaging : IDisposable
{
    private readonly string _root;
    private readonly long _maxBytes;
    private readonly List<RefusedFile> _refused = [];

    private ImportStaging(string root, long maxBytes)
    {
        _root = root;
        _maxBytes = maxBytes;
        Folder = Path.Combine(root, "files");
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The folder the decoder reads.</summary>
    public string Folder { get; }

    public IReadOnlyList<RefusedFile> Refused => _refused;

    public long Bytes { get; private set; }

    public static ImportStaging Create(string? stagingRoot, long maxBytes)
    {
        var parent = string.IsNullOrWhiteSpace(stagingRoot) ? Path.Combine(Path.GetTempPath(), "weakseg-imports") : stagingRoot;
        return new ImportStaging(Path.Combine(parent, Guid.NewGuid().ToString("N")), maxBytes);
    }

    /// <summary>Stages one uploaded file (a .zip is expanded); <paramref name="onBytes"/> hears the bytes read so far.</summary>
    public async Task AddAsync(string? uploadName, Stream content, Action<long>? onBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var relative = UploadName.ToRelativePath(uploadName, out var refusal);
        if (relative is null)
        {
            _refused.Add(new RefusedFile(UploadName.Printable(uploadName), refusal!));
            return;
        }
        if (relative.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            await AddArchiveAsync(relative, content, onBytes, ct);
            return;
        }
        var target = UniquePath(Path.Combine(Folder, relative));
        var written = await CopyCappedAsync(content, target, onBytes, ct);
        if (written < 0)
        {
            File.Delete(target);
            _refused.Add(new RefusedFile(relative, $"The upload exceeds the limit of {_maxBytes:N0} bytes."));
            return;
        }
        Bytes += written;
    }

    private async Task AddArchiveAsync(string relative, Stream content, Action<long>? onBytes, CancellationToken ct)
    {
        // ZipArchive needs a seekable stream; uploads are not, so the archive is parked beside the files first.
        var archive = Path.Combine(_root, $"archive-{Guid.NewGuid():N}.zip");
        try
        {
            if (await CopyCappedAsync(content, archive, onBytes, ct) < 0)
            {
                _refused.Add(new RefusedFile(relative, $"The upload exceeds the limit of {_maxBytes:N0} bytes."));
                return;
            }
            var limits = new SafeZipLimits { MaxTotalUncompressedBytes = Math.Max(1, _maxBytes - Bytes) };
            var destination = UniquePath(Path.Combine(Folder, relative));
            await using var zip = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            var report = await new SafeZipReader(limits).ExtractAsync(zip, destination, ct);
            _refused.AddRange(report.Refused.Select(e => new RefusedFile(UploadName.Printable($"{relative}/{e.EntryName}"), $"Refused from the archive: {e.RefusalReason}.")));
            if (report.StoppedBecause is { } why)
            {
                _refused.Add(new RefusedFile(relative, $"Unpacking stopped: {why}; later entries were not read."));
            }
            Bytes += report.TotalBytes;
        }
        catch (ImageReadException e)
        {
            _refused.Add(new RefusedFile(relative, e.Message));
        }
        finally
        {
            File.Delete(archive);
        }
    }

    /// <summary>Copies at most the remaining budget; returns the bytes written, or -1 when the budget ran out.</summary>
    private async Task<long> CopyCappedAsync(Stream content, string target, Action<long>? onBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        long written = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            written += read;
            if (Bytes + written > _maxBytes)
            {
                return -1;
            }
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            onBytes?.Invoke(written);
        }
        return written;
    }

    /// <summary>Folder uploads often repeat names (IM0001 in every series folder): later ones get a suffix.</summary>
    private static string UniquePath(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return path;
        }
        var folder = Path.GetDirectoryName(path)!;
        var stem = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        for (var n = 2; ; n++)
        {
            var candidate = Path.Combine(folder, $"{stem} ({n}){extension}");
            if (!File.Exists(candidate) && !Directory.Exists(candidate))
            {
                return candidate;
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
