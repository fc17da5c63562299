using System.Security.Cryptography;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.Imaging.Tests.Support;

namespace WeakSegPortal.Imaging.Tests;

public sealed class LocalDiskBlobStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly LocalDiskBlobStore _store;

    public LocalDiskBlobStoreTests()
    {
        _store = new LocalDiskBlobStore(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_blob_is_keyed_by_the_SHA256_of_its_content_and_reads_back()
    {
        var content = "slice bytes"u8.ToArray();

        var key = await _store.PutAsync(new MemoryStream(content), CancellationToken.None);
        await using var stream = await _store.OpenReadAsync(key, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), key.Hex);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Blobs_fan_out_into_two_levels_of_folders_and_leave_no_temporary_files()
    {
        var key = await _store.PutAsync(new MemoryStream([1, 2, 3]), CancellationToken.None);

        Assert.Equal(Path.Combine(_temp.Path, key.Hex[..2], key.Hex[2..4], key.Hex), _store.PathOf(key));
        Assert.True(File.Exists(_store.PathOf(key)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_temp.Path, ".tmp")));
    }

    [Fact]
    public async Task Storing_the_same_bytes_twice_gives_the_same_key_and_one_file()
    {
        var first = await _store.PutAsync(new MemoryStream([9, 9, 9]), CancellationToken.None);
        var second = await _store.PutAsync(new MemoryStream([9, 9, 9]), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_unknown_key_reads_as_null_and_a_deleted_blob_is_gone()
    {
        var key = await _store.PutAsync(new MemoryStream([4]), CancellationToken.None);

        Assert.True(await _store.DeleteAsync(key, CancellationToken.None));
        Assert.False(await _store.ExistsAsync(key, CancellationToken.None));
        Assert.Null(await _store.OpenReadAsync(key, CancellationToken.None));
        Assert.False(await _store.DeleteAsync(key, CancellationToken.None));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF")]
    [InlineData("")]
    public void A_key_that_is_not_64_lower_case_hex_digits_is_rejected(string text)
    {
        Assert.False(BlobKey.TryParse(text, out _));
    }
}
