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

    public AnnotationWriters(IOptions<AnnotationWriteOptions> options, IServiceScopeFactory scopes, ILogger<AnnotationWriters> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _maxBatch = o.MaxBatch;
        _scopes = scopes;
        _log = log;
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
                while (run.Count < _maxBatch && reader.TryRead(out var next))
                {
                    run.Add(next);
                }
                await StoreAsync(run, stoppingToken);
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
        }
        catch (Exception e) when (run.Count > 1 && (e is not OperationCanceledException || !ct.IsCancellationRequested))
        {
            // One bad command must not fail everybody else's: store the run one command at a time,
            // so whatever failed it fails alone.
            LogRunSplit(_log, e, run.Count);
            foreach (var pending in run)
            {
                await StoreAloneAsync(pending, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogCommandFailed(_log, e);
            run[0].Done.TrySetException(e);
        }
    }

    private async Task StoreAloneAsync(Pending pending, CancellationToken ct)
    {
        try
        {
            await StoreTogetherAsync([pending], ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Not acknowledged: the browser keeps the command and resends it.
            LogCommandFailed(_log, e);
            pending.Done.TrySetException(e);
        }
    }

    private async Task StoreTogetherAsync(IReadOnlyList<Pending> run, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<SubmitAnnotationHandler>();
        var acks = await handler.HandleManyAsync([.. run.Select(p => p.Command)], ct);
        for (var i = 0; i < run.Count; i++)
        {
            run[i].Done.TrySetResult(acks[i]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a run of {Count} annotation commands failed; storing them one by one")]
    private static partial void LogRunSplit(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing an annotation command failed; its sender will resend it")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception);

    private sealed record Pending(SubmittedAnnotation Command)
    {
        public TaskCompletionSource<AnnotationAck> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
