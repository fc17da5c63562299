using System.Diagnostics;
using System.Text.Json;

namespace WeakSegPortal.Web.Tests.Exports;

/// <summary>Runs a check script under Debian's /usr/bin/python3 (nibabel, numpy, Pillow: independent readers) and reads its JSON answer.</summary>
internal static class PythonOracle
{
    public static async Task<JsonElement> RunAsync(string script, params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"weakseg-oracle-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(path, script);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(path);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await stderr);
            return JsonDocument.Parse(await stdout).RootElement.Clone();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
