using System.Diagnostics;
using Microsoft.Extensions.Logging;
using WeakSegPortal.ML.Embeddings;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Worker;

/// <summary>
/// Answers the portal's <c>ComputeEmbeddings</c>: each slice's image embedding through <see cref="SamEngine.Embed"/>
/// (a slice already cached costs a lookup), one concurrency slot per slice. The result lists the slices now ready and
/// the milliseconds the encoder itself ran; slices that could not be done are named in the error.
/// </summary>
public sealed partial class EmbeddingJobRunner(WorkerEngines engines, VolumeCache volumes, JobGate gate, ILogger<EmbeddingJobRunner> log)
{
    public async Task<EmbeddingJobResult> RunAsync(EmbeddingJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var ticket = gate.Begin(job.JobId);
        var ready = new List<int>();
        long encoderMs = 0;
        var engine = engines.Find(job.Engine);
        if (engine is not SamEngine sam)
        {
            var why = engine is null
                ? $"This worker offers no engine '{job.Engine}' (it offers {string.Join(", ", engines.Names)})."
                : $"{job.Engine} needs no embeddings.";
            return new EmbeddingJobResult(job.JobId, ready, 0, why);
        }

        var problems = new List<string>();
        try
        {
            var volume = await volumes.GetAsync(job.VolumeHash, ticket.Token);
            var orientation = WirePromptReader.Orientation(job.Orientation);
            foreach (var slice in job.Slices.Distinct())
            {
                PromptImage image;
                try
                {
                    image = SliceImage.From(job.ItemId, volume, orientation, slice, job.Modality);
                }
                catch (PromptNotSupportedException e)
                {
                    problems.Add(e.Message);
                    continue;
                }

                using var slot = await gate.SlotAsync(ticket.Token);
                var clock = Stopwatch.StartNew();
                var (_, source) = await Task.Run(() => sam.Embed(image, ticket.Token), ticket.Token);
                if (source == EmbeddingSource.Encoded)
                {
                    encoderMs += clock.ElapsedMilliseconds;
                }

                ready.Add(slice);
            }
        }
        catch (Exception e) when (e is PromptNotSupportedException or VolumeUnavailableException)
        {
            problems.Add(e.Message);
        }
        catch (OperationCanceledException) when (ticket.Token.IsCancellationRequested)
        {
            problems.Add(ticket.StopReason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(log, e, job.JobId, job.Engine);
            problems.Add($"The worker could not compute these embeddings (job {job.JobId}); its log says why.");
        }

        return new EmbeddingJobResult(job.JobId, ready, encoderMs, problems.Count == 0 ? null : string.Join(" ", problems));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedding job {JobId} failed in engine {Engine}")]
    private static partial void Failed(ILogger logger, Exception exception, Guid jobId, string engine);
}
