using System.IO.Compression;
using WeakSegPortal.Imaging.Archives;
using WeakSegPortal.Imaging.Tests.Support;

namespace WeakSegPortal.Imaging.Tests;

public sealed class SafeZipReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Ordinary_entries_are_extracted_into_their_folders()
    {
        var zip = Zip(("series/IMG1.dcm", new byte[100]), ("series/IMG2.dcm", new byte[50]));

        var report = await new SafeZipReader().ExtractAsync(zip, _temp.Path, CancellationToken.None);

        Assert.Equal(2, report.Extracted.Count());
        Assert.Equal(150, report.TotalBytes);
        Assert.True(File.Exists(Path.Combine(_temp.Path, "series", "IMG2.dcm")));
    }

    [Theory]
    [InlineData("../escape.dcm", "..")]
    [InlineData("a/../../escape.dcm", "..")]
    [InlineData("/etc/cron.d/evil", "absolute")]
    [InlineData("C:/Windows/evil.dll", "absolute")]
    [InlineData("..\\escape.dcm", "..")]
    public async Task Entries_that_would_land_outside_the_folder_are_refused_with_a_reason(string name, string reasonPart)
    {
        var zip = Zip((name, new byte[10]), ("ok.dcm", new byte[10]));

        var report = await new SafeZipReader().ExtractAsync(zip, Path.Combine(_temp.Path, "out"), CancellationToken.None);

        var refused = Assert.Single(report.Refused);
        Assert.Equal(name, refused.EntryName);
        Assert.Contains(reasonPart, refused.RefusalReason, StringComparison.Ordinal);
        Assert.Single(report.Extracted);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "escape.dcm")));
    }

    [Fact]
    public async Task A_highly_compressible_entry_is_refused_as_a_zip_bomb()
    {
        var zip = Zip(("bomb.bin", new byte[20 * 1024 * 1024]));

        var report = await new SafeZipReader().ExtractAsync(zip, _temp.Path, CancellationToken.None);

        Assert.Contains("zip bomb", Assert.Single(report.Refused).RefusalReason, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "bomb.bin")));
    }

    [Fact]
    public async Task Extraction_stops_at_the_total_size_cap()
    {
        var random = new Random(1);
        byte[] Noise(int n)
        {
            var b = new byte[n];
            random.NextBytes(b);
            return b;
        }

        var zip = Zip(("a", Noise(600)), ("b", Noise(600)), ("c", Noise(600)));
        var limits = new SafeZipLimits { MaxTotalUncompressedBytes = 1000 };

        var report = await new SafeZipReader(limits).ExtractAsync(zip, _temp.Path, CancellationToken.None);

        Assert.Single(report.Extracted);
        Assert.NotNull(report.StoppedBecause);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "b")));
    }

    [Fact]
    public async Task A_file_that_is_not_a_zip_is_refused_clearly()
    {
        var e = await Assert.ThrowsAsync<ImageReadException>(() => new SafeZipReader().ExtractAsync(new MemoryStream("not a zip"u8.ToArray()), _temp.Path, CancellationToken.None));
        Assert.Contains("zip", e.Message, StringComparison.Ordinal);
    }

    private static MemoryStream Zip(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
