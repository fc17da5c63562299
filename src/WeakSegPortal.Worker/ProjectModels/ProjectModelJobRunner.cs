using System.Diagnostics;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;
using WeakSegPortal.ML.ProjectModels;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Worker.ProjectModels;

/// <summary>
/// Answers a <c>Suggest</c> job for the "project-model" engine (docs/training-protocol.md): the job's <see cref="ModelRef"/>
/// names the promoted model's ONNX file, fetched and opened once (<see cref="ProjectModelSessions"/>); the slice goes in as
/// training made it (<see cref="NetworkInput"/>, axial slices only, as the model was trained). A missing model, a file that cannot be had or is refused, and a prompt
/// the engine refuses come back as Ok = false with the reason.
/// </summary>
public sealed partial class ProjectModelJobRunner(VolumeCache volumes, ProjectModelSessions sessions, JobGate gate, ILogger<ProjectModelJobRunner> log)
{
    public async Task<SuggestionJobResult> RunAsync(SuggestionJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var clock = Stopwatch.StartNew();
        using var ticket = gate.Begin(job.JobId);
        if (job.Model is not { } model)
        {
            return Refused(job, "", "This suggestion job names no project model (SuggestionJob.Model is empty).", clock);
        }
        var version = model.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            using var slot = await gate.SlotAsync(ticket.Token);
            var volume = await volumes.GetAsync(job.VolumeHash, ticket.Token);
            var orientation = WirePromptReader.Orientation(job.Prompt.Orientation);
            if (orientation != SliceOrientation.Axial)
            {
                throw new PromptNotSupportedException("The project model was trained on axial slices; prompt it on an axial slice.");
            }
            var image = SliceImage.From(job.ItemId, volume, orientation, job.Prompt.Slice, job.Modality);
            var prompt = WirePromptReader.Read(job.Prompt, image, previousMask: null);
            using var lease = await sessions.AcquireAsync(model, ticket.Token);
            var suggestion = await Task.Run(() =>
            {
                var input = new NetworkInput(volume, image.Modality, model.ImageSide).Channels(job.Prompt.Slice, model.NeighbourSlices);
                return lease.Engine.Suggest(prompt, input, ticket.Token);
            }, ticket.Token);
            var descriptor = suggestion.Engine;
            return new SuggestionJobResult(job.JobId, Ok: true, Error: null, descriptor.Name, descriptor.Version, suggestion.ExecutionProvider,
                double.IsFinite(suggestion.Score) ? suggestion.Score : 0, WireMask.From(suggestion.Mask, suggestion.Width, suggestion.Height),
                EmbeddingSource: null, clock.ElapsedMilliseconds);
        }
        catch (PromptNotSupportedException e)
        {
            return Refused(job, version, e.Message, clock);
        }
        catch (Exception e) when (e is VolumeUnavailableException or ModelUnavailableException or ModelRefusedException)
        {
            ModelFailed(log, job.JobId, e.Message);
            return Refused(job, version, e.Message, clock);
        }
        catch (OperationCanceledException) when (ticket.Token.IsCancellationRequested)
        {
            return Refused(job, version, ticket.StopReason, clock);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(log, e, job.JobId, version);
            return Refused(job, version, $"The worker could not compute this suggestion (job {job.JobId}); its log says why.", clock);
        }
    }

    private static SuggestionJobResult Refused(SuggestionJob job, string version, string error, Stopwatch clock) =>
        new(job.JobId, Ok: false, error, job.Engine, version, Provider: "", Score: 0, Mask: null, EmbeddingSource: null, clock.ElapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Project-model job {JobId}: {Reason}")]
    private static partial void ModelFailed(ILogger logger, Guid jobId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Project-model job {JobId} failed on model version {Version}")]
    private static partial void Failed(ILogger logger, Exception exception, Guid jobId, string version);
}
