using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;

namespace WeakSegPortal.Build;

/// <summary>Marks one symbol-version requirement of a 64-bit ELF library weak (VER_FLG_WEAK on its Vernaux entry).</summary>
/// <remarks>
/// TorchSharp 0.107.0's libLibTorchSharp.so asks for GLIBCXX_3.4.32 (GCC 13) for one symbol nothing calls; Debian 12's
/// libstdc++ stops at 3.4.30, so the first torch call fails. A weak requirement lets glibc load the library, and changes
/// nothing where the version exists. Compiled by MSBuild's RoslynCodeTaskFactory (infra/torchsharp/LibTorchSharp.targets)
/// and by the training tests, which check it on the real library.
/// </remarks>
public sealed class MarkVersionNeedWeak : Microsoft.Build.Utilities.Task
{
    private const uint VersionNeedSection = 0x6ffffffe; // SHT_GNU_verneed
    private const byte WeakFlag = 0x2; // VER_FLG_WEAK, in the low byte of the little-endian vna_flags

    /// <summary>The library to patch in place.</summary>
    [Required]
    public string Library { get; set; } = "";

    /// <summary>The version name whose requirement becomes weak, e.g. GLIBCXX_3.4.32.</summary>
    [Required]
    public string Version { get; set; } = "";

    public override bool Execute()
    {
        var outcome = Mark(Library, Version);
        Log.LogMessage(MessageImportance.Normal, "{0}: {1} {2}", Library, Version, outcome);
        return true;
    }

    /// <summary>Patches the file in place; returns "marked weak", "already weak", "not required" or "not a 64-bit little-endian ELF file".</summary>
    public static string Mark(string path, string version)
    {
        var bytes = File.ReadAllBytes(path);
        string outcome;
        var offset = FindFlags(bytes, version, out outcome);
        if (offset < 0)
        {
            return outcome;
        }
        if ((bytes[offset] & WeakFlag) != 0)
        {
            return "already weak";
        }
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Seek(offset, SeekOrigin.Begin);
            file.WriteByte((byte)(bytes[offset] | WeakFlag));
        }
        return "marked weak";
    }

    /// <summary>The file offset of the low byte of vna_flags for the version, or -1 with the reason in outcome.</summary>
    /// <remarks>Plain arrays and shifts: MSBuild compiles this against netstandard2.0, which has no spans.</remarks>
    public static int FindFlags(byte[] elf, string version, out string outcome)
    {
        outcome = "not a 64-bit little-endian ELF file";
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F'
            || elf[4] != 2 || elf[5] != 1)
        {
            return -1;
        }
        var sectionTable = (int)Read(elf, 0x28, 8);
        var sectionSize = (int)Read(elf, 0x3A, 2);
        var sectionCount = (int)Read(elf, 0x3C, 2);
        outcome = "not required";
        for (var s = 0; s < sectionCount; s++)
        {
            var header = sectionTable + s * sectionSize;
            if (Read(elf, header + 4, 4) != VersionNeedSection)
            {
                continue;
            }
            var strings = sectionTable + (int)Read(elf, header + 40, 4) * sectionSize;
            var stringsOffset = (int)Read(elf, strings + 24, 8);
            var need = (int)Read(elf, header + 24, 8);
            var needCount = (int)Read(elf, header + 44, 4);
            for (var n = 0; n < needCount; n++)
            {
                var auxCount = (int)Read(elf, need + 2, 2);
                var aux = need + (int)Read(elf, need + 8, 4);
                for (var a = 0; a < auxCount; a++)
                {
                    if (NameAt(elf, stringsOffset + (int)Read(elf, aux + 8, 4)) == version)
                    {
                        outcome = "found";
                        return aux + 4;
                    }
                    aux += (int)Read(elf, aux + 12, 4);
                }
                need += (int)Read(elf, need + 12, 4);
            }
        }
        return -1;
    }

    private static ulong Read(byte[] elf, int offset, int length)
    {
        ulong value = 0;
        for (var i = length - 1; i >= 0; i--)
        {
            value = (value << 8) | elf[offset + i];
        }
        return value;
    }

    private static string NameAt(byte[] elf, int offset)
    {
        var end = Array.IndexOf(elf, (byte)0, offset);
        return Encoding.ASCII.GetString(elf, offset, (end < 0 ? elf.Length : end) - offset);
    }
}
