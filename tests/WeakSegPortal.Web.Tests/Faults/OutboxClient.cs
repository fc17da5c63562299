using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Web.Hubs;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// A simulated annotator's browser: a real SignalR client of the annotation hub with the workspace's
/// outbox semantics (wwwroot/src/outbox.js, docs/annotation-protocol.md "Outbox"). Every command
/// keeps its command id until a final ack; pending commands go in order, one through Submit or
/// runs of up to 100 through SubmitMany; accepted or refused (Retry false) → it leaves the outbox;
/// Retry true or a failed call → it stays and goes again after backoff; after every reconnect the
/// outbox is flushed at once. The connection is started again forever, signing in anew when the
/// portal no longer knows the cookie (401).
/// </summary>
public sealed class OutboxClient(Uri hubUrl, Func<CancellationToken, Task<string>> signIn, OutboxTiming timing, int seed) : IAsyncDisposable
{
    private readonly List<OutboxEntry> _pending = [];
    private readonly List<OutboxEntry> _all = [];
    private readonly List<(long CallStarted, long Acked)> _accepted = [];
    private readonly Dictionary<Guid, Guid> _annotationIds = [];
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private HubConnection? _hub;
    private string? _cookie;
    private volatile bool _finishing;

    /// <summary>Every command made, in order.</summary>
    public IReadOnlyList<OutboxEntry> Commands { get { lock (_gate) { return [.. _all]; } } }

    public int Pending { get { lock (_gate) { return _pending.Count; } } }

    public int Connects { get; private set; }

    public int Calls { get; private set; }

    public int FailedCalls { get; private set; }

    public int RetryAcks { get; private set; }

    /// <summary>Accepted acks as (when the call started, when the ack came), in Stopwatch ticks.</summary>
    public IReadOnlyList<(long CallStarted, long Acked)> Accepted { get { lock (_gate) { return [.. _accepted]; } } }

    /// <summary>Annotation ids of accepted creates not deleted since, for undo-like deletes.</summary>
    public IReadOnlyList<Guid> LiveAnnotations { get { lock (_gate) { return [.. _annotationIds.Values]; } } }

    /// <summary>Stores a command in the outbox (before anything is sent, as the browser does) and wakes the sender.</summary>
    public void Enqueue(AnnotationCommand command, bool refusalExpected)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate)
        {
            var entry = new OutboxEntry(command, _all.Count + 1, refusalExpected);
            _all.Add(entry);
            _pending.Add(entry);
            if (command.Delete is { } target)
            {
                // Deleted by this annotator: not to be deleted again.
                foreach (var (k, v) in _annotationIds.Where(p => p.Value == target.AnnotationId).ToList())
                {
                    _annotationIds.Remove(k);
                }
            }
        }
        _wake.Release();
    }

    /// <summary>No more commands will come: <see cref="RunAsync"/> ends once the outbox is empty.</summary>
    public void Finish()
    {
        _finishing = true;
        _wake.Release();
    }

    /// <summary>Sends until <see cref="Finish"/> was called and nothing is pending, or until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var connectAttempt = 0;
        var failures = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (_finishing && Pending == 0)
                {
                    return;
                }
                if (_hub is not { State: HubConnectionState.Connected })
                {
                    if (!await ConnectAsync(ct))
                    {
                        await Task.Delay(timing.Reconnect(connectAttempt++, _random), ct);
                        continue;
                    }
                    connectAttempt = 0;
                    failures = 0;
                }
                var run = NextRun();
                if (run.Count == 0)
                {
                    await _wake.WaitAsync(TimeSpan.FromMilliseconds(500), ct);
                    continue;
                }
                var acks = await SendAsync(_hub!, run, ct);
                if (acks is null)
                {
                    FailedCalls++;
                    // A call that failed on a live connection (the hub answered with an error) waits before the resend;
                    // a lost connection is started again first, and the outbox flushed as soon as it is back.
                    if (_hub is { State: HubConnectionState.Connected })
                    {
                        await Task.Delay(timing.Resend(failures++), ct);
                    }
                    continue;
                }
                if (Take(run, acks))
                {
                    RetryAcks++;
                    await Task.Delay(timing.Resend(failures++), ct);
                }
                else
                {
                    failures = 0;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
        _wake.Dispose();
    }

    private List<OutboxEntry> NextRun()
    {
        lock (_gate)
        {
            return [.. _pending.Take(AnnotationHub.MaxCommandsPerCall)];
        }
    }

    /// <summary>One call; null when it failed (connection lost, a hub error) or its acks do not match the commands one for one.</summary>
    private async Task<AnnotationAck[]?> SendAsync(HubConnection hub, List<OutboxEntry> run, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        Calls++;
        foreach (var entry in run)
        {
            entry.Attempts++;
        }
        AnnotationAck[] acks;
        try
        {
            acks = run.Count == 1
                ? [await hub.InvokeAsync<AnnotationAck>("Submit", run[0].Command, ct)]
                : await hub.InvokeAsync<AnnotationAck[]>("SubmitMany", run.Select(e => e.Command).ToArray(), ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        if (acks.Length != run.Count || acks.Where((a, i) => a?.CommandId != run[i].Command.CommandId).Any())
        {
            return null;
        }
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (acks.Any(a => a.Accepted))
            {
                _accepted.Add((started, now));
            }
        }
        return acks;
    }

    /// <summary>Drops the finally answered commands from the outbox; true when one was answered retry (it stays, in its place).</summary>
    private bool Take(List<OutboxEntry> run, AnnotationAck[] acks)
    {
        var retry = false;
        lock (_gate)
        {
            for (var i = 0; i < run.Count; i++)
            {
                if (acks[i] is { Accepted: false, Retry: true })
                {
                    retry = true;
                    continue;
                }
                run[i].Final = acks[i];
                _pending.Remove(run[i]);
                if (acks[i] is { Accepted: true, AnnotationId: { } id } && run[i].Command.Delete is null)
                {
                    _annotationIds[run[i].Command.CommandId] = id;
                }
            }
        }
        return retry;
    }

    private async Task<bool> ConnectAsync(CancellationToken ct)
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
            _hub = null;
        }
        try
        {
            _cookie ??= await signIn(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return false;
        }
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(hubUrl, AnnotationHub.Path), o => o.Headers["Cookie"] = _cookie)
            // As the workspace: the server pings every 5 s, 12 s of silence means the line is gone.
            .WithServerTimeout(TimeSpan.FromSeconds(12))
            .WithKeepAliveInterval(TimeSpan.FromSeconds(5))
            .Build();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await hub.StartAsync(limit.Token);
            _hub = hub;
            Connects++;
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            if (e is HttpRequestException { StatusCode: HttpStatusCode.Unauthorized })
            {
                _cookie = null;
            }
            await hub.DisposeAsync();
            return false;
        }
    }
}
