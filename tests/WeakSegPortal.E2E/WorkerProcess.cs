using System.Diagnostics;

namespace WeakSegPortal.E2E;

/// <summary>
/// The real suggestion worker as a child process: the WeakSegPortal.Worker.dll this checkout built (the E2E project
/// references the Worker project only so that it is built), run by the dotnet host as infra/run.sh runs it, with the
/// portal's URL and a machine token in its environment. Its console goes to a log file. Disposing kills it.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Lock _writing = new();
    private Process? _process;

    private WorkerProcess(string name, string log)
    {
        Name = name;
        LogFile = log;
    }

    public string Name { get; }

    public string LogFile { get; }

    public bool Running => _process is { HasExited: false };

    /// <summary>The worker's built output beside this test's: same configuration and target framework.</summary>
    public static string Dll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = framework.Parent!;
            var dll = Path.Combine(RepositoryRoot(), "src", "WeakSegPortal.Worker", "bin", configuration.Name, framework.Name, "WeakSegPortal.Worker.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"The worker is not built: {dll}", dll);
        }
    }

    public static WorkerProcess Start(Uri portal, string token, string name)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var worker = new WorkerProcess(name, Path.Combine(Path.GetTempPath(), $"weakseg-e2e-{name}-{Environment.ProcessId}.log"));
        var dll = Dll;
        var start = new ProcessStartInfo(DotnetHost(), [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Worker__ServerUrl"] = portal.ToString().TrimEnd('/');
        start.Environment["Worker__Token"] = token;
        start.Environment["Worker__Name"] = name;
        start.Environment["Worker__MaxConcurrency"] = "2";
        start.Environment["Suggestions__PreferCuda"] = "false";
        worker._process = Process.Start(start) ?? throw new InvalidOperationException("The worker did not start.");
        _ = worker.CopyAsync(worker._process.StandardOutput);
        _ = worker.CopyAsync(worker._process.StandardError);
        return worker;
    }

    /// <summary>Waits until <paramref name="announced"/> holds (the portal lists the worker), or the worker exits, or a minute passes.</summary>
    public async Task WaitUntilAsync(Func<bool> announced, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(announced);
        var clock = Stopwatch.StartNew();
        while (!announced())
        {
            if (!Running)
            {
                throw new InvalidOperationException($"The worker {Name} exited before announcing itself; its log:\n{Log()}");
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"The worker {Name} did not announce itself within a minute; its log:\n{Log()}");
            }
            await Task.Delay(100, ct);
        }
    }

    public string Log()
    {
        lock (_writing)
        {
            return File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no output)";
        }
    }

    /// <summary>SIGKILL: the worker dies as a crashed machine would, mid-session.</summary>
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WeakSegPortal.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No WeakSegPortal.sln above {AppContext.BaseDirectory}.");
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
