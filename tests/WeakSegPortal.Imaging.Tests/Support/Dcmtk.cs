using System.Diagnostics;

namespace WeakSegPortal.Imaging.Tests.Support;

/// <summary>Decompresses DICOM files with dcmtk (Debian package dcmtk), an implementation independent of GDCM.</summary>
internal static class Dcmtk
{
    /// <summary>Runs e.g. dcmdjpeg or dcmdjpls from input to an uncompressed output file.</summary>
    public static void Decompress(string tool, string input, string output, params string[] options)
    {
        var path = $"/usr/bin/{tool}";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: install the Debian package dcmtk.");
        }

        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add(input);
        start.ArgumentList.Add(output);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {stderr.Result}");
        }
    }
}
