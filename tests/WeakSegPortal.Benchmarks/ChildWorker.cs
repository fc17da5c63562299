using System.Diagnostics;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// The suggestion worker as a child process (its own Release build, run by the dotnet host, as infra/run.sh runs it;
/// beside this assembly its packages would clash with ASP.NET's shared framework), connected to the portal with a
/// machine token; its console output goes to a log file.
/// </summary>
internal sealed class ChildWorker : IAsyncDisposable
{
    private static readonly Lock Writing = new();
    private readonly Process _process;

    private ChildWorker(Process process) => _process = process;

    public static string Dll => Environment.GetEnvironmentVariable("WEAKSEG_WORKER_DLL") is { Length: > 0 } dll
        ? dll
        : Path.Combine(WeakSegPortal.Web.Tests.Faults.RepositoryRoot.Path, "src", "WeakSegPortal.Worker", "bin", "Release", "net10.0", "WeakSegPortal.Worker.dll");

    public static ChildWorker Start(Uri portal, string token, string name, string logFile, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo(DotnetHost(), [Dll])
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Worker__ServerUrl"] = portal.ToString().TrimEnd('/');
        start.Environment["Worker__Token"] = token;
        start.Environment["Worker__Name"] = name;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        _ = CopyAsync(process.StandardOutput, logFile);
        _ = CopyAsync(process.StandardError, logFile);
        return new ChildWorker(process);
    }

    public bool Running => !_process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task CopyAsync(StreamReader from, string logFile)
    {
        string? line;
        while ((line = await from.ReadLineAsync()) is not null)
        {
            lock (Writing)
            {
                File.AppendAllLines(logFile, [line]);
            }
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
