using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Options;
using WeakSegPortal.Web.Suggestions;

namespace WeakSegPortal.Web.Workers;

/// <summary>
/// Sends jobs to workers: to the worker the item's rendezvous ranking picks among those offering the engine
/// (the next one when it is busy and another is free), as a SignalR client result on its connection, within
/// Suggestions:JobTimeout. A worker that fails mid-job costs one retry on another worker or, without one, on
/// the in-process classical engine; with no worker at all the classical engines answer here.
/// </summary>
public sealed partial class SuggestionDispatcher(
    WorkerRegistry workers, IHubContext<WorkerHub> hub, InProcessEngines local, IOptions<SuggestionOptions> options, ILogger<SuggestionDispatcher> log)
{
    public const string Web = "web";

    /// <summary>Whether anything here can answer this engine now: a connected worker, or the in-process engines.</summary>
    public bool CanRun(string engine) => local.Offers(engine) || workers.Offering(engine).Count > 0;

    public async Task<Dispatched> SuggestAsync(SuggestionJob job, PromptImage image, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        // The trace the worker continues (W3C traceparent in the job): one trace id in both processes' log lines.
        using var activity = JobTrace.StartHere("WeakSegPortal.Suggest");
        job = job with { TraceParent = activity.Id };
        var ranked = RendezvousRanking.Rank(workers.Offering(job.Engine), job.ItemId);
        if (ranked.Count == 0)
        {
            return local.Offers(job.Engine)
                ? new Dispatched(await local.RunAsync(job, image, ct), Web, false)
                : new Dispatched(Failed(job, $"No worker offers '{job.Engine}' right now."), Web, false);
        }
        var first = Pick(ranked);
        LogSent(log, job.JobId, job.ItemId, first.Name, first.Node ?? "this node");
        try
        {
            return new Dispatched(await RunOnAsync<SuggestionJobResult>(first, "Suggest", job, job.JobId, ct), first.Name, false);
        }
        catch (WorkerFailedException e) when (!ct.IsCancellationRequested)
        {
            LogRetrying(log, e, job.JobId, first.Name);
        }
        var others = ranked.Where(w => w.ConnectionId != first.ConnectionId && workers.IsConnected(w)).ToList();
        if (others.Count == 0)
        {
            // No other worker offers it: the classical engine for this prompt answers, rather than nothing.
            var engine = local.Offers(job.Engine) ? job.Engine : SuggestionEngineChoice.ByPrompt(job.Prompt);
            return new Dispatched(await local.RunAsync(job with { Engine = engine }, image, ct), Web, true);
        }
        var second = Pick(others);
        try
        {
            return new Dispatched(await RunOnAsync<SuggestionJobResult>(second, "Suggest", job, job.JobId, ct), second.Name, true);
        }
        catch (WorkerFailedException e) when (!ct.IsCancellationRequested)
        {
            LogGaveUp(log, e, job.JobId, second.Name);
            return new Dispatched(Failed(job, "The suggestion worker failed twice; please try again."), second.Name, true);
        }
    }

    /// <summary>An embedding job for the worker that will answer this item's clicks; null when no worker offers the engine or it failed.</summary>
    public async Task<(EmbeddingJobResult Result, ConnectedWorker Worker)?> ComputeEmbeddingsAsync(EmbeddingJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (RendezvousRanking.Rank(workers.Offering(job.Engine), job.ItemId) is not [var worker, ..])
        {
            return null;
        }
        try
        {
            return (await RunOnAsync<EmbeddingJobResult>(worker, "ComputeEmbeddings", job, job.JobId, ct), worker);
        }
        catch (WorkerFailedException e) when (!ct.IsCancellationRequested)
        {
            LogEmbeddingFailed(log, e, job.JobId, worker.Name);
            return null;
        }
    }

    /// <summary>The item's own worker, unless all its slots are taken and a lower-ranked one has a free slot.</summary>
    private static ConnectedWorker Pick(IReadOnlyList<ConnectedWorker> ranked) =>
        ranked[0].Slots.CurrentCount > 0 ? ranked[0] : ranked.FirstOrDefault(w => w.Slots.CurrentCount > 0) ?? ranked[0];

    /// <summary>
    /// The job on the worker as a client result. When it times out or the annotator's call is cancelled while the
    /// worker is still connected, the worker is told to stop it (CancelJob, docs/suggestion-protocol.md), so an
    /// abandoned job does not hold its slot and GPU.
    /// </summary>
    private async Task<T> RunOnAsync<T>(ConnectedWorker worker, string method, object job, Guid jobId, CancellationToken ct)
    {
        // The worker leaving (here, or its node's entry gone from Redis) ends the wait as a failure: one retry elsewhere.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, worker.Gone);
        timeout.CancelAfter(options.Value.JobTimeout);
        var acquired = false;
        try
        {
            await worker.Slots.WaitAsync(timeout.Token);
            acquired = true;
            worker.Started();
            try
            {
                return await hub.Clients.Client(worker.ConnectionId).InvokeAsync<T>(method, job, timeout.Token);
            }
            catch (Exception) when (timeout.IsCancellationRequested && workers.IsConnected(worker))
            {
                // Timed out or the annotator's call was cancelled (SignalR may surface either as a failed invocation).
                await CancelJobAsync(worker, jobId);
                throw;
            }
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            // Not the caller's cancellation: the timeout, or the worker's connection closing under the call.
            throw new WorkerFailedException(timeout.IsCancellationRequested && workers.IsConnected(worker)
                ? $"{worker.Name} did not answer {method} within {options.Value.JobTimeout.TotalSeconds:0.#} s."
                : $"{worker.Name} disconnected during {method}.", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new WorkerFailedException($"{worker.Name} failed {method}: {e.Message}", e);
        }
        finally
        {
            if (acquired)
            {
                worker.Finished();
                ReleaseQuietly(worker);
            }
        }
    }

    /// <summary>A plain send: the worker stops the job if it still runs; a worker that left meanwhile needs no telling.</summary>
    private async Task CancelJobAsync(ConnectedWorker worker, Guid jobId)
    {
        try
        {
            await hub.Clients.Client(worker.ConnectionId).SendAsync("CancelJob", jobId, CancellationToken.None);
            LogCancelled(log, jobId, worker.Name);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            LogCancelFailed(log, e, jobId, worker.Name);
        }
    }

    private static void ReleaseQuietly(ConnectedWorker worker)
    {
        try
        {
            worker.Slots.Release();
        }
        catch (ObjectDisposedException)
        {
            // The worker left while the job ran; its slots went with it.
        }
    }

    private static SuggestionJobResult Failed(SuggestionJob job, string error) =>
        new(job.JobId, false, error, job.Engine, "", "", 0, null, null, 0);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Suggestion job {JobId} for item {ItemId} sent to worker {Worker} on {Node}")]
    private static partial void LogSent(ILogger logger, Guid jobId, Guid itemId, string worker, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Suggestion job {JobId} failed on worker {Worker}; retrying once elsewhere")]
    private static partial void LogRetrying(ILogger logger, Exception exception, Guid jobId, string worker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Suggestion job {JobId} failed again on worker {Worker}; answered with an error")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, Guid jobId, string worker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Suggestion job {JobId} was abandoned (timeout or the annotator left); told worker {Worker} to cancel it")]
    private static partial void LogCancelled(ILogger logger, Guid jobId, string worker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell worker {Worker} to cancel job {JobId}")]
    private static partial void LogCancelFailed(ILogger logger, Exception exception, Guid jobId, string worker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding job {JobId} failed on worker {Worker}")]
    private static partial void LogEmbeddingFailed(ILogger logger, Exception exception, Guid jobId, string worker);
}
