namespace WeakSegPortal.Imaging.Dicom;

/// <summary>Cheap checks on a file's first bytes, to tell "not DICOM" from "broken DICOM".</summary>
internal static class DicomFileSignature
{
    /// <summary>True when the file has the Part 10 preamble ("DICM" at byte 128).</summary>
    public static bool HasPart10Preamble(string path)
    {
        Span<byte> head = stackalloc byte[132];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return read == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
    }

    /// <summary>Throws the user-facing error for a missing or empty file.</summary>
    public static void EnsureReadableFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ImageReadException(ImageReadFailure.NotFound, $"File not found: {path}");
        }

        if (info.Length == 0)
        {
            throw new ImageReadException(ImageReadFailure.EmptyFile, $"The file is empty: {info.Name}");
        }
    }
}
