using System.Diagnostics;
using Microsoft.Extensions.Logging;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.ProjectModels;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.Worker.ProjectModels;

namespace WeakSegPortal.Worker;

/// <summary>
/// Answers the portal's <c>Suggest</c>: the volume from the cache (fetched once), the slice, the prompt with the
/// object's previous low-resolution mask, the engine, the mask run-length coded. An engine that refuses the prompt, an
/// unknown engine, a volume the portal cannot give and a job stopped midway all come back as Ok = false with a
/// sentence for the annotator; nothing here throws at the hub. The "project-model" engine goes to <see cref="ProjectModelJobRunner"/>.
/// </summary>
public sealed partial class SuggestionJobRunner(
    WorkerEngines engines, VolumeCache volumes, PreviousMasks previousMasks, JobGate gate, ProjectModelJobRunner projectModels, ILogger<SuggestionJobRunner> log)
{
    public async Task<SuggestionJobResult> RunAsync(SuggestionJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        // The web node's trace continues here: every line logged for this job carries its trace id (NodeLogScope).
        using var activity = JobTrace.StartFrom(job.TraceParent, "WeakSegPortal.Worker.Suggest");
        if (job.Engine == ProjectModelEngine.Name)
        {
            return await projectModels.RunAsync(job);
        }

        var clock = Stopwatch.StartNew();
        using var ticket = gate.Begin(job.JobId);
        var engine = engines.Find(job.Engine);
        if (engine is null)
        {
            return Refused(job, null, $"This worker offers no engine '{job.Engine}' (it offers {string.Join(", ", engines.Names)}).", clock);
        }

        try
        {
            using var slot = await gate.SlotAsync(ticket.Token);
            var volume = await volumes.GetAsync(job.VolumeHash, ticket.Token);
            var orientation = WirePromptReader.Orientation(job.Prompt.Orientation);
            var image = SliceImage.From(job.ItemId, volume, orientation, job.Prompt.Slice, job.Modality);
            var key = new PreviousMaskKey(job.Prompt.ObjectId, job.Engine, orientation.ToString(), job.Prompt.Slice);
            // Propagation: the hint is the object's mask on the neighbouring slice the prompt was made from.
            var hintKey = job.Prompt.SeedSlice is { } seedSlice ? key with { Slice = seedSlice } : key;
            var hint = engine.Descriptor.Accepts.HasFlag(PromptKinds.PreviousMask) ? previousMasks.Find(hintKey) : null;
            var prompt = WirePromptReader.Read(job.Prompt, image, hint);
            var suggestion = await Task.Run(() => engine.SuggestAsync(prompt, ticket.Token), ticket.Token);
            if (suggestion.LowResMask is { } lowRes)
            {
                previousMasks.Keep(key, lowRes);
            }

            var descriptor = suggestion.Engine;
            Answered(log, job.JobId, descriptor.Name, clock.ElapsedMilliseconds);
            return new SuggestionJobResult(job.JobId, Ok: true, Error: null, descriptor.Name, descriptor.Version, suggestion.ExecutionProvider,
                double.IsFinite(suggestion.Score) ? suggestion.Score : 0, WireMask.From(suggestion.Mask, suggestion.Width, suggestion.Height),
                suggestion.Embedding?.ToString(), clock.ElapsedMilliseconds);
        }
        catch (PromptNotSupportedException e)
        {
            return Refused(job, engine, e.Message, clock);
        }
        catch (VolumeUnavailableException e)
        {
            VolumeFailed(log, job.JobId, e.Message);
            return Refused(job, engine, e.Message, clock);
        }
        catch (OperationCanceledException) when (ticket.Token.IsCancellationRequested)
        {
            return Refused(job, engine, ticket.StopReason, clock);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(log, e, job.JobId, job.Engine);
            return Refused(job, engine, $"The worker could not compute this suggestion (job {job.JobId}); its log says why.", clock);
        }
    }

    private static SuggestionJobResult Refused(SuggestionJob job, ISuggestionEngine? engine, string error, Stopwatch clock) =>
        new(job.JobId, Ok: false, error, job.Engine, engine?.Descriptor.Version ?? "", Provider: "", Score: 0, Mask: null, EmbeddingSource: null, clock.ElapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Suggestion job {JobId} answered by {Engine} in {Ms} ms")]
    private static partial void Answered(ILogger logger, Guid jobId, string engine, long ms);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Suggestion job {JobId}: {Reason}")]
    private static partial void VolumeFailed(ILogger logger, Guid jobId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Suggestion job {JobId} failed in engine {Engine}")]
    private static partial void Failed(ILogger logger, Exception exception, Guid jobId, string engine);
}
