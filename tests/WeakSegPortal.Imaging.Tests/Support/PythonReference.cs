using System.Diagnostics;
using System.Text.Json;

namespace WeakSegPortal.Imaging.Tests.Support;

/// <summary>
/// Runs Reference/reference.py under Debian's /usr/bin/python3 (pydicom, nibabel, Pillow) to get
/// expected values that none of our code produced.
/// </summary>
internal static class PythonReference
{
    private const string Python = "/usr/bin/python3";

    public static JsonElement Run(params string[] args)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: install python3-pydicom and python3-nibabel.");
        }

        var script = Path.Combine(AppContext.BaseDirectory, "Reference", "reference.py");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"reference.py {string.Join(' ', args)} failed: {stderr.Result}");
        }

        using var document = JsonDocument.Parse(stdout.Result);
        return document.RootElement.Clone();
    }

    public static double[] Doubles(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(v => v.GetDouble())];
}
