using System.Diagnostics;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// The portal as a child process (the built WeakSegPortal.Web.dll beside this assembly, run by the
/// dotnet host, as infra/run.sh runs it), so that it can be killed with SIGKILL and started again.
/// Its console output goes to a log file, kept across restarts.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _log;
    private readonly Lock _writing = new();
    private Process? _process;

    public PortalProcess(IReadOnlyDictionary<string, string> settings, string logFile)
    {
        _settings = settings;
        _log = logFile;
        Port = FreePort.Next();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public string LogFile => _log;

    /// <summary>Whether the child is running (it may have died on its own, which the suite reports).</summary>
    public bool Running => _process is { HasExited: false };

    /// <summary>Starts the child and waits until /health answers 200.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "WeakSegPortal.Web.dll");
        var start = new ProcessStartInfo(DotnetHost.Path, [dll])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The portal did not start.");
        _process = process;
        _ = CopyAsync(process.StandardOutput);
        _ = CopyAsync(process.StandardError);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {process.ExitCode} while starting; see {_log}.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/health"), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"The portal did not answer /health within 2 minutes; see {_log}.");
            }
            await Task.Delay(100, ct);
        }
    }

    /// <summary>Lines of its log (JSON console) at level Error or Critical, over every start, counted by category and message template.</summary>
    public IReadOnlyDictionary<string, int> ErrorLines()
    {
        lock (_writing)
        {
            if (!File.Exists(_log))
            {
                return new Dictionary<string, int>();
            }
            var kinds = new Dictionary<string, int>();
            foreach (var line in File.ReadLines(_log))
            {
                if (!line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) && !line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal))
                {
                    continue;
                }
                var kind = "(unreadable line)";
                try
                {
                    using var json = System.Text.Json.JsonDocument.Parse(line);
                    var root = json.RootElement;
                    var template = root.TryGetProperty("State", out var state) && state.TryGetProperty("{OriginalFormat}", out var format) ? format.GetString() : root.GetProperty("Message").GetString();
                    var exception = root.TryGetProperty("Exception", out var e) ? $" ({e.GetString()?.Split(':', 2)[0]})" : "";
                    kind = $"{root.GetProperty("Category").GetString()}: {template}{exception}";
                }
                catch (System.Text.Json.JsonException)
                {
                }
                catch (KeyNotFoundException)
                {
                }
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            }
            return kinds;
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, whatever was queued in the process is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
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
                File.AppendAllLines(_log, [line]);
            }
        }
    }
}
