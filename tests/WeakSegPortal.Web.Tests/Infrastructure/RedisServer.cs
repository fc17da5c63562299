using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>
/// A private Debian redis-server on a free loopback port (no persistence), which a test may stop and start again on
/// the same port to play an outage. infra/test.sh installs the package; WEAKSEG_REDIS_SERVER names another binary.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _binary;
    private readonly string _folder = Directory.CreateTempSubdirectory("weakseg-redis-").FullName;
    private Process? _process;

    private RedisServer(string binary, int port)
    {
        _binary = binary;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var binary = Environment.GetEnvironmentVariable("WEAKSEG_REDIS_SERVER") ?? "/usr/bin/redis-server";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"{binary} is missing: run the tests with `bash infra/test.sh`, which installs Debian's redis-server.");
        }
        var server = new RedisServer(binary, FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts it (again) on its port and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        _process = Process.Start(new ProcessStartInfo(_binary)
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder, "--protected-mode", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var clock = Stopwatch.StartNew();
        while (!await AnswersAsync())
        {
            if (_process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new InvalidOperationException($"redis-server did not start on port {Port}: {await _process.StandardError.ReadToEndAsync()}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Kills it (SIGKILL), as a crashed Redis would go.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return read > 0 && buffer[0] == (byte)'+';
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
