using System.Diagnostics;

namespace WeakSegPortal.Web.Tests.Exports;

/// <summary>Runs a command-line DICOM tool (dicom3tools' dciodvfy, dcmtk's dcmdump) and returns its exit code and everything it printed.</summary>
internal static class DicomTools
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
