using System.Threading.Channels;
using Marten;
using WeakSegPortal.Core.Suggestions;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>
/// Appends <see cref="SuggestionRequested"/> to each object's stream after the reply has gone: the annotator never
/// waits for the store, and whatever gathered while one transaction committed goes in the next.
/// </summary>
public sealed partial class SuggestionRecorder(IDocumentStore store, ILogger<SuggestionRecorder> log) : BackgroundService
{
    private readonly Channel<SuggestionRequested> _pending = Channel.CreateUnbounded<SuggestionRequested>(new UnboundedChannelOptions { SingleReader = true });

    public void Record(SuggestionRequested requested) => _pending.Writer.TryWrite(requested);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _pending.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new List<SuggestionRequested>();
            while (batch.Count < 500 && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                await using var session = store.LightweightSession();
                foreach (var requested in batch)
                {
                    session.Events.Append(SuggestionStreams.For(requested.AnnotatorId, requested.ObjectId), requested);
                }
                await session.SaveChangesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLost(log, e, batch.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} SuggestionRequested events could not be stored")]
    private static partial void LogLost(ILogger logger, Exception exception, int count);
}
