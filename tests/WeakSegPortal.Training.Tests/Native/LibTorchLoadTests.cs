using System.Diagnostics;
using TorchSharp;
using WeakSegPortal.Build;

namespace WeakSegPortal.Training.Tests.Native;

public class LibTorchLoadTests
{
    private static readonly string OutputLibrary = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

    [Fact]
    public void The_first_torch_call_works_with_no_manual_step()
    {
        using var sum = torch.ones(2, 3).sum();

        Assert.Equal(6f, sum.item<float>());
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "cpu")), "TorchSharp fell back to copying natives into cpu/");
    }

    [Fact]
    public void The_build_marked_the_GLIBCXX_3_4_32_need_of_the_copied_library_weak()
    {
        var offset = MarkVersionNeedWeak.FindFlags(File.ReadAllBytes(OutputLibrary), "GLIBCXX_3.4.32", out _);

        Assert.True(offset > 0);
        Assert.Contains("GLIBCXX_3.4.32  Flags: WEAK", ReadElfVersions(OutputLibrary), StringComparison.Ordinal);
    }

    [Fact]
    public void Marking_flips_only_the_weak_bit_of_that_entry_and_a_second_run_changes_nothing()
    {
        var copy = Path.GetTempFileName();
        try
        {
            File.Copy(OriginalLibrary(), copy, overwrite: true);
            var before = File.ReadAllBytes(copy);
            var offset = MarkVersionNeedWeak.FindFlags(before, "GLIBCXX_3.4.32", out _);

            Assert.Equal("marked weak", MarkVersionNeedWeak.Mark(copy, "GLIBCXX_3.4.32"));
            var after = File.ReadAllBytes(copy);
            Assert.Equal("already weak", MarkVersionNeedWeak.Mark(copy, "GLIBCXX_3.4.32"));

            // vna_flags is little-endian: the low byte holds VER_FLG_WEAK (0x2); every other byte is untouched.
            var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
            Assert.Equal([offset], changed);
            Assert.Equal(before[offset] | 0x2, after[offset]);
            Assert.Equal(after, File.ReadAllBytes(copy));
            // Another entry of the same file stays strong (checked by binutils, not by our parser).
            Assert.Contains("GLIBCXX_3.4.30  Flags: none", ReadElfVersions(copy), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public void A_version_the_library_does_not_need_and_a_file_that_is_not_ELF_are_left_alone()
    {
        var copy = Path.GetTempFileName();
        try
        {
            File.Copy(OriginalLibrary(), copy, overwrite: true);
            Assert.Equal("not required", MarkVersionNeedWeak.Mark(copy, "GLIBCXX_9.9.99"));
            Assert.Equal(File.ReadAllBytes(OriginalLibrary()), File.ReadAllBytes(copy));

            File.WriteAllText(copy, "#!/bin/sh\necho not a library\n");
            Assert.Equal("not a 64-bit little-endian ELF file", MarkVersionNeedWeak.Mark(copy, "GLIBCXX_3.4.32"));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>The package's untouched library in the NuGet cache (the build patches only its copy).</summary>
    private static string OriginalLibrary()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(path), $"TorchSharp's package is not at {path}");
        return path;
    }

    private static string ReadElfVersions(string path)
    {
        using var readelf = Process.Start(new ProcessStartInfo("readelf", ["-V", "-W", path]) { RedirectStandardOutput = true })!;
        var text = readelf.StandardOutput.ReadToEnd();
        readelf.WaitForExit();
        return text;
    }
}
