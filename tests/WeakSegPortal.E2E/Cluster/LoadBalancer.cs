using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WeakSegPortal.Web.Tests.Faults;

namespace WeakSegPortal.E2E.Cluster;

/// <summary>
/// The load balancer in front of the web nodes: Debian's nginx (nginx-light, which infra/test.sh installs) as a child
/// process, run on the configuration infra/lib.sh's lb_render writes from infra/nginx/weakseg-lb.conf.template, in a
/// private prefix folder (pid, logs, temp files). WEAKSEG_NGINX names another binary.
/// </summary>
public sealed class LoadBalancer : IAsyncDisposable
{
    private readonly string _prefix;
    private readonly string _config;
    private Process? _process;

    private LoadBalancer(string prefix, int port)
    {
        _prefix = prefix;
        _config = Path.Combine(prefix, "weakseg-lb.conf");
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>Its access log: one line per request with the node that answered and the affinity cookie it carried.</summary>
    public string AccessLog => Path.Combine(_prefix, "access.log");

    public static string Binary => Environment.GetEnvironmentVariable("WEAKSEG_NGINX") ?? "/usr/sbin/nginx";

    /// <summary>Renders the configuration for <paramref name="nodes"/> (n0, n1, … in this order), starts nginx and waits until it accepts connections.</summary>
    public static async Task<LoadBalancer> StartAsync(string folder, IReadOnlyList<Uri> nodes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: run the tests with `bash infra/test.sh`, which installs Debian's nginx-light.");
        }
        var balancer = new LoadBalancer(folder, FreePort.Next());
        Directory.CreateDirectory(folder);
        var lib = Path.Combine(RepositoryRoot.Path, "infra", "lib.sh");
        var render = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        render.Environment["WEAKSEG_LB_WORKERS"] = "1";
        foreach (var arg in new[] { "-c", $"set -e; source \"{lib}\"; lb_render \"$@\"", "lb", balancer._config, folder, $"127.0.0.1:{balancer.Port}" }
            .Concat(nodes.Select(n => $"127.0.0.1:{n.Port}")))
        {
            render.ArgumentList.Add(arg);
        }
        using (var bash = Process.Start(render) ?? throw new InvalidOperationException("bash did not start"))
        {
            var errors = bash.StandardError.ReadToEndAsync(ct);
            await bash.WaitForExitAsync(ct);
            if (bash.ExitCode != 0)
            {
                throw new InvalidOperationException($"lb_render failed: {await errors}");
            }
        }
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-p", folder, "-c", balancer._config, "-e", Path.Combine(folder, "error.log"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(arg);
        }
        balancer._process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        var clock = Stopwatch.StartNew();
        while (!await AcceptsAsync(balancer.Port, ct))
        {
            if (balancer._process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"nginx did not start on port {balancer.Port}: {await balancer._process.StandardError.ReadToEndAsync(ct)} {balancer.ErrorLog()}");
            }
            await Task.Delay(50, ct);
        }
        return balancer;
    }

    public string ErrorLog()
    {
        var file = Path.Combine(_prefix, "error.log");
        return File.Exists(file) ? File.ReadAllText(file) : "";
    }

    /// <summary>Stops nginx as its service would (SIGQUIT through `nginx -s quit` would wait for open WebSockets: stop is SIGTERM).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        _process = null;
        if (!process.HasExited)
        {
            using var stop = Process.Start(new ProcessStartInfo(Binary) { ArgumentList = { "-p", _prefix, "-c", _config, "-e", Path.Combine(_prefix, "error.log"), "-s", "stop" }, RedirectStandardError = true });
            if (stop is not null)
            {
                await stop.WaitForExitAsync();
            }
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
