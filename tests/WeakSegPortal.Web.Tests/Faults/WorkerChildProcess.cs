using System.Diagnostics;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// The suggestion worker (a built WeakSegPortal.Worker.dll) as a child process, run by the dotnet host as infra/run.sh
/// runs it, with the portal's URL, a machine token, a name and any further settings in its environment; its console
/// goes to a log file. Killing (or disposing) it kills it as a crashed machine would. Shared by the E2E round trip
/// and the suggestion benchmark.
/// </summary>
public sealed class WorkerChildProcess : IAsyncDisposable
{
    private readonly Lock _writing = new();
    private Process? _process;

    private WorkerChildProcess(string logFile) => LogFile = logFile;

    public string LogFile { get; }

    public bool Running => _process is { HasExited: false };

    public static WorkerChildProcess Start(string dll, Uri portal, string token, string name, string logFile, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var start = new ProcessStartInfo(DotnetHost.Path, [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Worker__ServerUrl"] = portal.ToString().TrimEnd('/');
        start.Environment["Worker__Token"] = token;
        start.Environment["Worker__Name"] = name;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var worker = new WorkerChildProcess(logFile);
        worker._process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        _ = worker.CopyAsync(worker._process.StandardOutput);
        _ = worker.CopyAsync(worker._process.StandardError);
        return worker;
    }

    public string Log()
    {
        lock (_writing)
        {
            return File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no output)";
        }
    }

    /// <summary>SIGKILL: the worker dies mid-session, as a crashed machine would.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private async Task CopyAsync(StreamReader from)
    {
        string? line;
        while ((line = await from.ReadLineAsync()) is not null)
        {
            lock (_writing)
            {
                File.AppendAllLines(LogFile, [line]);
            }
        }
    }
}
