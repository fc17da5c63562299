using System.Diagnostics;
using WeakSegPortal.Web.Tests.Faults;

namespace WeakSegPortal.E2E;

/// <summary>
/// The real suggestion worker beside the E2E portal: the WeakSegPortal.Worker.dll this checkout built (the E2E project
/// references the Worker project only so that it is built), run as a <see cref="WorkerChildProcess"/>. Disposing kills it.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly WorkerChildProcess _process;

    private WorkerProcess(string name, WorkerChildProcess process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool Running => _process.Running;

    /// <summary>The worker's built output beside this test's: same configuration and target framework.</summary>
    public static string Dll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = framework.Parent!;
            var dll = Path.Combine(RepositoryRoot.Path, "src", "WeakSegPortal.Worker", "bin", configuration.Name, framework.Name, "WeakSegPortal.Worker.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"The worker is not built: {dll}", dll);
        }
    }

    public static WorkerProcess Start(Uri portal, string token, string name) => Start(portal, token, name, new Dictionary<string, string>());

    /// <param name="settings">Further worker settings (section:key = value), over the defaults here.</param>
    public static WorkerProcess Start(Uri portal, string token, string name, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var all = new Dictionary<string, string> { ["Worker:MaxConcurrency"] = "2", ["Suggestions:PreferCuda"] = "false" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return new(name, WorkerChildProcess.Start(Dll, portal, token, name, Path.Combine(Path.GetTempPath(), $"weakseg-e2e-{name}-{Environment.ProcessId}.log"), all));
    }

    /// <summary>What the worker wrote so far (its console).</summary>
    public string Log() => _process.Log();

    /// <summary>Waits until <paramref name="announced"/> holds (the portal lists the worker), or the worker exits, or a minute passes.</summary>
    public async Task WaitUntilAsync(Func<bool> announced, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(announced);
        var clock = Stopwatch.StartNew();
        while (!announced())
        {
            if (!Running)
            {
                throw new InvalidOperationException($"The worker {Name} exited before announcing itself; its log:\n{_process.Log()}");
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"The worker {Name} did not announce itself within a minute; its log:\n{_process.Log()}");
            }
            await Task.Delay(100, ct);
        }
    }

    /// <summary>SIGKILL: the worker dies as a crashed machine would, mid-session.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
