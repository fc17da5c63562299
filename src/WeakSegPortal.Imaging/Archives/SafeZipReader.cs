using System.IO.Compression;

namespace WeakSegPortal.Imaging.Archives;

/// <summary>
/// Extracts an uploaded zip without trusting it: refuses entries that escape the target folder
/// (../, absolute paths, drive letters), entries whose compression ratio marks a zip bomb, and
/// stops at the total-size cap. Sizes are counted on the bytes actually inflated, not on the
/// sizes the archive claims.
/// </summary>
public sealed class SafeZipReader(SafeZipLimits limits)
{
    public SafeZipReader()
        : this(new SafeZipLimits())
    {
    }

    public async Task<ZipExtractionReport> ExtractAsync(Stream zip, string destination, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(destination);
        Directory.CreateDirectory(root);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ImageReadException(ImageReadFailure.NotAnImage, $"The upload is not a readable zip archive ({e.Message}).", e);
        }

        using (archive)
        {
            var outcomes = new List<ZipEntryOutcome>();
            long total = 0;
            System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> entries;
            try
            {
                entries = archive.Entries;
            }
            catch (InvalidDataException e)
            {
                throw new ImageReadException(ImageReadFailure.Corrupt, $"The zip archive's directory is damaged ({e.Message}).", e);
            }

            if (entries.Count > limits.MaxEntries)
            {
                return new ZipExtractionReport(outcomes, $"the archive holds {entries.Count} entries; at most {limits.MaxEntries} are accepted");
            }

            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
                {
                    continue; // folder entry: folders are created for the files in them
                }

                var refusal = Refuse(entry, root, out var target);
                if (refusal is not null)
                {
                    outcomes.Add(new ZipEntryOutcome(entry.FullName, null, refusal, 0));
                    continue;
                }

                var budget = Math.Min(limits.MaxEntryUncompressedBytes, limits.MaxTotalUncompressedBytes - total);
                long written;
                string? why;
                try
                {
                    (written, why) = await CopyCappedAsync(entry, target!, budget, cancellationToken);
                }
                catch (InvalidDataException e)
                {
                    // A damaged entry (local header, compression method, deflate stream, CRC) costs that entry only.
                    (written, why) = (0, $"the entry is damaged ({e.Message})");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    (written, why) = (0, "the entry could not be written (its path clashes with another entry's, or the disk is full)");
                }

                if (why is not null)
                {
                    TryDelete(target!);
                    outcomes.Add(new ZipEntryOutcome(entry.FullName, null, why, 0));
                    if (written > budget && budget < limits.MaxEntryUncompressedBytes)
                    {
                        return new ZipExtractionReport(outcomes, $"the archive expands beyond {limits.MaxTotalUncompressedBytes} bytes");
                    }

                    continue;
                }

                total += written;
                outcomes.Add(new ZipEntryOutcome(entry.FullName, target, null, written));
            }

            return new ZipExtractionReport(outcomes, null);
        }
    }

    private string? Refuse(ZipArchiveEntry entry, string root, out string? target)
    {
        target = null;
        var name = entry.FullName.Replace('\\', '/');
        if (name.Length == 0 || name.StartsWith('/') || (name.Length >= 2 && name[1] == ':'))
        {
            return "absolute path";
        }

        if (name.Split('/').Any(part => part == ".."))
        {
            return "path leaves the extraction folder (..)";
        }

        if (name.Any(char.IsControl))
        {
            return "invalid file name (control characters)";
        }

        if (name.Length > 1024 || name.Split('/').Any(part => System.Text.Encoding.UTF8.GetByteCount(part) > 255))
        {
            return "file name too long (more than 255 bytes in a folder or file name, or 1024 characters in all)";
        }

        if (entry.Length > limits.MaxEntryUncompressedBytes)
        {
            return $"entry declares {entry.Length} bytes, more than the {limits.MaxEntryUncompressedBytes}-byte limit";
        }

        if (entry.CompressedLength > 0 && (double)entry.Length / entry.CompressedLength > limits.MaxCompressionRatio)
        {
            return $"compression ratio {(double)entry.Length / entry.CompressedLength:0} exceeds {limits.MaxCompressionRatio:0} (zip bomb?)";
        }

        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "path leaves the extraction folder";
        }

        target = full;
        return null;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing was written there (or the staging folder goes away with the import anyway).
        }
    }

    private async Task<(long Written, string? Refusal)> CopyCappedAsync(ZipArchiveEntry entry, string target, long budget, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var input = entry.Open();
        await using var output = File.Create(target);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            written += read;

            // The declared sizes can lie; limits are checked again on what really came out.
            if (written > budget)
            {
                return (written, budget < limits.MaxEntryUncompressedBytes
                    ? $"the archive expands beyond {limits.MaxTotalUncompressedBytes} bytes"
                    : $"the entry expands beyond {limits.MaxEntryUncompressedBytes} bytes");
            }

            if (entry.CompressedLength > 0 && written > 1024 * 1024 && (double)written / entry.CompressedLength > limits.MaxCompressionRatio)
            {
                return (written, $"the entry inflates more than {limits.MaxCompressionRatio:0}-fold (zip bomb?)");
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return (written, null);
    }
}
