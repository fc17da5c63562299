using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// Group commit for annotation commands. Hub calls hand their commands in; each writer takes
/// whatever has gathered since its last commit and stores it in one transaction, so under load
/// a commit carries many commands and when quiet a command waits for nobody. Commands are spread
/// over the writers by stream (item × annotator): one stream's commands are stored in the order
/// they came, by one writer, and two writers never race on a stream.
/// </summary>
public sealed partial class AnnotationWriters : BackgroundService
{
    private readonly Channel<Pending>[] _writers;
    private readonly int _maxBatch;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<AnnotationWriters> _log;
    private readonly AnnotationWriteTimings _timings;

    public AnnotationWriters(IOptions<AnnotationWriteOptions> options, IServiceScopeFactory scopes, AnnotationWriteTimings timings, ILogger<AnnotationWriters> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _maxBatch = o.MaxBatch;
        _scopes = scopes;
        _log = log;
        _timings = timings;
        _writers = [.. Enumerable.Range(0, o.Writers).Select(_ => Channel.CreateBounded<Pending>(new BoundedChannelOptions(o.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        }))];
    }

    /// <summary>Commands queued and not yet taken by a writer.</summary>
    public int Waiting => _writers.Sum(w => w.Reader.Count);

    /// <summary>Queues one command; the task ends with its acknowledgement once the command's transaction committed.</summary>
    public async Task<AnnotationAck> SubmitAsync(AnnotationCommand command, Guid annotatorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var pending = new Pending(new SubmittedAnnotation(command, annotatorId));
        await _writers[WriterOf(command.ItemId, annotatorId)].Writer.WriteAsync(pending, ct);
        return await pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>Queues several commands in their order; acknowledgements come back in the same order.</summary>
    public async Task<AnnotationAck[]> SubmitManyAsync(IReadOnlyList<AnnotationCommand> commands, Guid annotatorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var pending = new List<Pending>(commands.Count);
        foreach (var command in commands)
        {
            var p = new Pending(new SubmittedAnnotation(command, annotatorId));
            await _writers[WriterOf(command.ItemId, annotatorId)].Writer.WriteAsync(p, ct);
            pending.Add(p);
        }
        return await Task.WhenAll(pending.Select(p => p.Done.Task)).WaitAsync(ct);
    }

    private int WriterOf(Guid itemId, Guid annotatorId) => (int)((uint)HashCode.Combine(itemId, annotatorId) % (uint)_writers.Length);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_writers.Select(w => Task.Run(() => WriteAsync(w.Reader, stoppingToken), CancellationToken.None)));

    private async Task WriteAsync(ChannelReader<Pending> reader, CancellationToken stoppingToken)
    {
        var run = new List<Pending>(_maxBatch);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var taken = Stopwatch.GetTimestamp();
                while (run.Count < _maxBatch && reader.TryRead(out var next))
                {
                    run.Add(next);
                    _timings.Queued.Record(Stopwatch.GetElapsedTime(next.Queued, taken));
                }
                await StoreAsync(run, stoppingToken);
                _timings.Transaction.Record(Stopwatch.GetElapsedTime(taken));
                _timings.Stored(run.Count);
                run.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued is not acknowledged, so the browsers keep it and resend.
            foreach (var p in run)
            {
                p.Done.TrySetCanceled(stoppingToken);
            }
            while (reader.TryRead(out var left))
            {
                left.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task StoreAsync(List<Pending> run, CancellationToken ct)
    {
        try
        {
            await StoreTogetherAsync(run, ct);
            return;
        }
        catch (Exception e) when (run.Count > 1 && !IsShutdown(e, ct))
        {
            // One bad command must not fail everybody else's: store the run one command at a time,
            // so whatever failed it fails alone.
            LogRunSplit(_log, e, run.Count);
        }
        catch (Exception e) when (!IsShutdown(e, ct))
        {
            run[0].Done.TrySetResult(Failed(run[0], e));
            return;
        }
        // A stream whose command could not be stored keeps its later commands back too: a stream's
        // labels are stored in the order they were made, or not yet.
        var waiting = new HashSet<Guid>();
        foreach (var pending in run)
        {
            var (command, annotatorId) = pending.Command;
            var stream = AnnotationStreams.For(command.ItemId, annotatorId);
            if (waiting.Contains(stream))
            {
                pending.Done.TrySetResult(AnnotationAck.RetryLater(command.CommandId, WaitsForEarlier));
                continue;
            }
            try
            {
                await StoreTogetherAsync([pending], ct);
            }
            catch (Exception e) when (!IsShutdown(e, ct))
            {
                pending.Done.TrySetResult(Failed(pending, e));
            }
            if (pending.Done.Task.IsCompletedSuccessfully && pending.Done.Task.Result.Retry)
            {
                waiting.Add(stream);
            }
        }
    }

    /// <summary>Not stored: logged with an error id the annotator can quote, and answered "retry", so the browser keeps the command and resends it.</summary>
    private AnnotationAck Failed(Pending pending, Exception e)
    {
        var errorId = HubErrorFilter.NewErrorId();
        LogCommandFailed(_log, e, pending.Command.Command.CommandId, errorId);
        return AnnotationAck.RetryLater(pending.Command.Command.CommandId, $"The server could not store this label just now (error {errorId}); it is kept and sent again.");
    }

    private static bool IsShutdown(Exception e, CancellationToken ct) => e is OperationCanceledException && ct.IsCancellationRequested;

    /// <summary>The reason of a command held back behind an earlier one of its stream.</summary>
    public const string WaitsForEarlier = "An earlier label of yours on this item is being sent again first; this one follows it.";

    private async Task StoreTogetherAsync(IReadOnlyList<Pending> run, CancellationToken ct)
    {
        var handed = Stopwatch.GetTimestamp();
        await using var scope = _scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<Marten.IDocumentSession>();
        var clock = new WriteStageClock(session.Logger);
        session.Logger = clock;
        var handler = scope.ServiceProvider.GetRequiredService<SubmitAnnotationHandler>();
        var acks = await handler.HandleManyAsync([.. run.Select(p => p.Command)], ct);
        clock.Record(_timings, handed);
        for (var i = 0; i < run.Count; i++)
        {
            run[i].Done.TrySetResult(acks[i]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a run of {Count} annotation commands failed; storing them one by one")]
    private static partial void LogRunSplit(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing annotation command {CommandId} failed (error {ErrorId}); it was answered retry and its sender resends it")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception, Guid commandId, string errorId);

    private sealed record Pending(SubmittedAnnotation Command)
    {
        /// <summary>When it was queued (Stopwatch ticks): the writer's queue wait is measured from here.</summary>
        public long Queued { get; } = Stopwatch.GetTimestamp();

        public TaskCompletionSource<AnnotationAck> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
