using System.Net;
using System.Net.Sockets;

namespace WeakSegPortal.Benchmarks;

/// <summary>
/// A TCP relay on loopback in front of the portal that counts the bytes each way (HTTP, WebSocket framing and
/// SignalR frames included, as they go on the wire), so that a client measures what one call costs on the network.
/// </summary>
internal sealed class ByteCountingProxy(int upstreamPort) : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private long _up;
    private long _down;
    private Task _accepting = Task.CompletedTask;

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Bytes sent by clients towards the portal so far.</summary>
    public long Up => Interlocked.Read(ref _up);

    /// <summary>Bytes sent by the portal back to clients so far.</summary>
    public long Down => Interlocked.Read(ref _down);

    public void Start()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }

            _ = RelayAsync(client, ct);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken ct)
    {
        using var c = client;
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, upstreamPort), ct);
            await Task.WhenAny(PumpAsync(client, upstream, up: true, ct), PumpAsync(upstream, client, up: false, ct));
        }
        catch (Exception)
        {
            // The portal went away or the run ended: the connection ends with it.
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool up, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None, ct);
                if (n == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                // Counted before it is passed on, so a reply's bytes are in the count by the time the client has it.
                Interlocked.Add(ref (up ? ref _up : ref _down), n);
                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, ct);
            }
        }
        catch (Exception)
        {
            // A reset or the end of the run: the other pump ends with it.
        }
    }
}
