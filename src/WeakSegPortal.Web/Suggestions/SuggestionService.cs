using System.Diagnostics;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Suggestions;
using WeakSegPortal.ML.Classical;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Suggestions;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Web.Options;
using WeakSegPortal.Web.Slices;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>
/// The annotation hub's suggestion calls: Submit's access rule (anything not the annotator's gets its "not yours"
/// answer, nothing run, nothing stored), the prompt checked against the slice (read through the Slices feature's
/// volume cache), the job dispatched, the answer recorded after the reply (<see cref="SuggestionRecorder"/>).
/// </summary>
public sealed class SuggestionService(
    IQuerySession session, VolumeCache volumes, SuggestionDispatcher dispatcher, SuggestionRecorder recorder,
    EmbeddingPrecompute precompute, ReadySlices ready, WorkerRegistry workers, IOptions<SuggestionOptions> options, TimeProvider clock,
    Training.ModelCatalog models)
{
    public async Task<SuggestReply> SuggestAsync(JsonElement json, Guid annotator, CancellationToken ct)
    {
        var (request, error) = SuggestRequestReader.Read(json);
        if (request is null)
        {
            return SuggestReply.Refused(RequestIdOf(json), null, error!);
        }
        return await SuggestAsync(request, annotator, ct);
    }

    /// <summary>A request already read (a propagation step, <see cref="Propagation.PropagationService"/>): checked, dispatched and recorded as <c>Suggest</c> does.</summary>
    public async Task<SuggestReply> SuggestAsync(SuggestRequest request, Guid annotator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var prompt = request.Prompt;
        if (await AnnotatorItem.LoadWithProjectAsync(session, request.ItemId, annotator, ct) is not ({ } item, { } project))
        {
            return SuggestReply.Refused(request.RequestId, prompt.ObjectId, AnnotationBatch.NotYours);
        }
        var engine = SuggestionEngineChoice.For(request.Engine, SuggestionEngineNames.Named(project.SuggestionEngine), options.Value.DefaultEngine, prompt);
        ModelRef? model = null;
        if (engine == SuggestionEngineNames.ProjectModel)
        {
            if (await models.PromotedAsync(project.Id, ct) is not { } promoted)
            {
                return SuggestReply.Refused(request.RequestId, prompt.ObjectId, SuggestionEngineNames.NoPromotedModel);
            }
            model = new ModelRef(promoted.ModelVersionId, promoted.Version, promoted.OnnxHash, promoted.Classes, promoted.Config.NeighbourSlices, promoted.Config.ImageSide);
        }
        if (!dispatcher.CanRun(engine))
        {
            return SuggestReply.Refused(request.RequestId, prompt.ObjectId, $"No worker offers '{engine}' right now.");
        }
        if (await volumes.GetAsync(item.VolumeKey, ct) is not { } volume)
        {
            return SuggestReply.Refused(request.RequestId, prompt.ObjectId, "This item has no image to suggest on.");
        }
        var count = SliceExtractor.SliceCount(volume, request.Orientation);
        if (prompt.Slice >= count)
        {
            return SuggestReply.Refused(request.RequestId, prompt.ObjectId, $"slice must be between 0 and {count - 1} ({prompt.Orientation}).");
        }
        var image = PromptImage.FromVolume(item.Id.ToString(), volume, request.Orientation, prompt.Slice);
        if (PromptBounds.Check(prompt, image.Width, image.Height) is { } outside)
        {
            return SuggestReply.Refused(request.RequestId, prompt.ObjectId, outside);
        }
        if (prompt.SeedMask is { } seed && (seed.Width != image.Width || seed.Height != image.Height || MaskRle.Problem(seed.Counts, seed.Width, seed.Height) is not null))
        {
            return SuggestReply.Refused(request.RequestId, prompt.ObjectId, $"The previous slice's mask must be a mask code of {image.Width}×{image.Height}.");
        }

        var job = new SuggestionJob(Guid.NewGuid(), engine, item.Id, item.VolumeKey, item.Modality, prompt) { Model = model };
        var (result, ranOn, retried) = await dispatcher.SuggestAsync(job, image, ct);
        var serverMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!result.Ok)
        {
            return SuggestReply.Refused(request.RequestId, prompt.ObjectId, result.Error ?? "The engine gave no mask.") with { Engine = result.Engine, RanOn = ranOn, Retried = retried, ServerMs = serverMs };
        }
        var suggestionId = Guid.CreateVersion7();
        var pixels = result.Mask is { } mask ? SetPixels(mask) : 0;
        recorder.Record(new SuggestionRequested(suggestionId, prompt.ObjectId, item.Id, annotator, prompt.ClassId, prompt.Orientation, prompt.Slice,
            result.Engine, result.EngineVersion, result.Provider, request.PromptJson, result.Score, pixels, serverMs, ranOn, retried, clock.GetUtcNow()));
        precompute.Around(annotator, item, engine, prompt.Orientation, prompt.Slice);
        return new SuggestReply(request.RequestId, suggestionId, prompt.ObjectId, true, null, result.Engine, result.EngineVersion, result.Provider,
            ranOn, retried, result.Score, result.Mask, serverMs);
    }

    /// <summary>What a reload needs to show: the item's engine, where it runs, and which slices answer a click at once.</summary>
    public async Task<SuggestionStatus?> StatusAsync(Guid itemId, Guid annotator, CancellationToken ct)
    {
        if (await AnnotatorItem.LoadWithProjectAsync(session, itemId, annotator, ct) is not ({ } item, { } project))
        {
            return null;
        }
        const string orientation = "axial";
        var engine = SuggestionEngineChoice.Configured(SuggestionEngineNames.Named(project.SuggestionEngine), options.Value.DefaultEngine) ?? GrabCutBoxEngine.Name;
        var offering = RendezvousRanking.Rank(workers.Offering(engine), item.Id);
        var provider = offering.Count > 0 ? offering[0].Announcement.Provider : dispatcher.CanRun(engine) ? InProcessEngines.Provider : null;
        var slices = precompute.NeedsEmbedding(engine)
            ? ready.For(engine, item.Id, orientation)
            : dispatcher.CanRun(engine) ? Enumerable.Range(0, EmbeddingPrecompute.SliceCount(item.Geometry, orientation)).ToList() : [];
        return new SuggestionStatus(item.Id, orientation, engine, provider, offering.Count, slices);
    }

    /// <summary>The item was opened: compute ahead what its clicks and the next items' will need.</summary>
    public void Opened(ItemView item, string? projectEngine, Guid annotator)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (SuggestionEngineChoice.Configured(SuggestionEngineNames.Named(projectEngine), options.Value.DefaultEngine) is { } engine)
        {
            precompute.Ahead(annotator, item, engine);
        }
    }

    /// <summary>The annotator moved to another slice: compute ahead around it.</summary>
    public async Task<bool> ViewedAsync(Guid itemId, string orientation, int slice, Guid annotator, CancellationToken ct)
    {
        if (await AnnotatorItem.LoadWithProjectAsync(session, itemId, annotator, ct) is not ({ } item, { } project))
        {
            return false;
        }
        if (SuggestionEngineChoice.Configured(SuggestionEngineNames.Named(project.SuggestionEngine), options.Value.DefaultEngine) is { } engine)
        {
            precompute.Around(annotator, item, engine, orientation, slice);
        }
        return true;
    }

    private static int SetPixels(WireMask mask)
    {
        var set = 0;
        for (var n = 1; n < mask.Counts.Length; n += 2)
        {
            set += mask.Counts[n];
        }
        return set;
    }

    private static Guid RequestIdOf(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("requestId", out var id) && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var parsed)
            ? parsed : Guid.Empty;
}
