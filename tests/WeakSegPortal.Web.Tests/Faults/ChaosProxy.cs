using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// A TCP proxy on loopback in front of the portal that can drop live connections: all at once, or
/// one at a time in the middle of a call (just after a request went through, before its answer is
/// back). A dropped connection is reset on both sides, as a broken network path looks to both ends.
/// </summary>
public sealed class ChaosProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly ConcurrentDictionary<long, Link> _links = new();
    private readonly CancellationTokenSource _stop = new();
    private long _next;
    private Task _accepting = Task.CompletedTask;

    public ChaosProxy(int upstreamPort) => _upstreamPort = upstreamPort;

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Connections dropped so far (by <see cref="CutAll"/> and <see cref="CutOneMidCall"/>).</summary>
    public int Cuts => _cuts;

    private int _cuts;

    public int Live => _links.Count;

    public void Start()
    {
        _listener.Start(1024);
        _accepting = AcceptAsync(_stop.Token);
    }

    /// <summary>Drops every live connection now.</summary>
    public int CutAll()
    {
        var n = 0;
        foreach (var link in _links.Values)
        {
            n += link.Cut() ? 1 : 0;
        }
        Interlocked.Add(ref _cuts, n);
        return n;
    }

    /// <summary>
    /// Picks a live connection and drops it a random 0–15 ms after the next request passes through
    /// it, so that the request has reached the portal and its answer is likely still on its way.
    /// </summary>
    public void CutOneMidCall(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var links = _links.Values.ToArray();
        if (links.Length > 0)
        {
            links[random.Next(links.Length)].ArmCut(random.Next(0, 16), () => Interlocked.Increment(ref _cuts));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var link in _links.Values)
        {
            link.Cut();
        }
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
        client.NoDelay = true;
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _upstreamPort), ct);
        }
        catch (Exception)
        {
            // The portal is down: the client sees its connection refused, as it would without the proxy.
            Link.Reset(client);
            upstream.Dispose();
            return;
        }
        var id = Interlocked.Increment(ref _next);
        var link = new Link(client, upstream);
        _links[id] = link;
        try
        {
            await Task.WhenAny(link.PumpAsync(client, upstream, isRequest: true, ct), link.PumpAsync(upstream, client, isRequest: false, ct));
        }
        finally
        {
            link.Cut();
            _links.TryRemove(id, out _);
        }
    }

    private sealed class Link(Socket client, Socket upstream)
    {
        private int _closed;
        private volatile CutPlan? _armed;

        private sealed record CutPlan(int DelayMs, Action Counted);

        public void ArmCut(int delayMs, Action counted) => _armed = new CutPlan(delayMs, counted);

        public async Task PumpAsync(Socket from, Socket to, bool isRequest, CancellationToken ct)
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
                    await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, ct);
                    if (isRequest && _armed is { } plan)
                    {
                        _armed = null;
                        _ = CutLaterAsync(plan);
                    }
                }
            }
            catch (Exception)
            {
                // A reset, a cut or the end of the run: the other pump ends with it.
            }
        }

        private async Task CutLaterAsync(CutPlan plan)
        {
            await Task.Delay(plan.DelayMs);
            if (Cut())
            {
                plan.Counted();
            }
        }

        /// <summary>Resets both sides; false when it was closed already.</summary>
        public bool Cut()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1)
            {
                return false;
            }
            Reset(client);
            Reset(upstream);
            return true;
        }

        public static void Reset(Socket socket)
        {
            try
            {
                // Linger 0: close sends RST, not FIN, so nothing more is delivered either way.
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            catch (Exception)
            {
                socket.Dispose();
            }
        }
    }
}
