using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Benchmarks.Crowd;

/// <summary>
/// One connected annotator of the crowd benchmark: a real SignalR client on WebSockets (negotiation skipped, as the
/// browser's hub client may), open loop: a box every <see cref="Period"/> on a fixed schedule whether or not the last one
/// was acknowledged, each ack's latency measured from the moment it was due (so a stalled server shows in the figures).
/// </summary>
internal sealed class CrowdAnnotator(Uri node, string cookie, Guid item, int seed) : IAsyncDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(3);

    private readonly Random _random = new(seed);
    private HubConnection? _hub;

    private readonly List<double> _ackMs = [];
    private readonly List<double> _lateMs = [];
    private int _sent, _failed, _refused;

    /// <summary>
    /// What happened so far: latencies of the answered labels, how late this client itself was in sending each label
    /// (from the moment due to the call's start: the load generator's own share), and how many were sent, refused and
    /// failed (answers may still arrive).
    /// </summary>
    public (double[] AckMs, double[] LateMs, int Sent, int Refused, int Failed) Tally()
    {
        lock (_ackMs)
        {
            return ([.. _ackMs], [.. _lateMs], _sent, _refused, _failed);
        }
    }

    public bool Connected => _hub?.State == HubConnectionState.Connected;

    public async Task ConnectAsync(CancellationToken ct)
    {
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/annotation"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.Headers["Cookie"] = cookie;
            })
            .Build();
        _hub.ServerTimeout = TimeSpan.FromSeconds(60);
        await _hub.StartAsync(ct);
    }

    /// <summary>Sends on schedule until <paramref name="until"/>, then waits for the answers still out (at most 30 s).</summary>
    public async Task DrawAsync(long startTimestamp, TimeSpan until, CancellationToken ct)
    {
        var pending = new List<Task>();
        var due = TimeSpan.FromMilliseconds(_random.NextDouble() * Period.TotalMilliseconds);
        while (due < until)
        {
            var wait = due - Stopwatch.GetElapsedTime(startTimestamp);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }
            pending.Add(SendAsync(startTimestamp + (long)(due.TotalSeconds * Stopwatch.Frequency)));
            due += Period;
        }
        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(TimeSpan.FromSeconds(30), ct));
    }

    private async Task SendAsync(long dueTimestamp)
    {
        var x = _random.Next(0, 400);
        var y = _random.Next(0, 400);
        var command = new AnnotationCommand(Guid.NewGuid(), item, "box", 1, 0, Box: new BoxShape(x, y, x + 50, y + 60), ActiveMs: 1500);
        lock (_ackMs)
        {
            _sent++;
            _lateMs.Add(Stopwatch.GetElapsedTime(dueTimestamp).TotalMilliseconds);
        }
        try
        {
            var ack = await _hub!.InvokeAsync<AnnotationAck>("Submit", command);
            var ms = Stopwatch.GetElapsedTime(dueTimestamp).TotalMilliseconds;
            lock (_ackMs)
            {
                _ackMs.Add(ms);
                if (!ack.Accepted)
                {
                    _refused++;
                }
            }
        }
        catch (Exception e) when (e is Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or IOException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            lock (_ackMs)
            {
                _failed++;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
