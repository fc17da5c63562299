using System.Runtime.CompilerServices;
using System.Text.Json;
using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Propagation;
using WeakSegPortal.Web.Slices;
using WeakSegPortal.Web.Suggestions;

namespace WeakSegPortal.Web.Propagation;

/// <summary>
/// The annotation hub's <c>Propagate</c> stream (docs/suggestion-protocol.md, "Propagation"): the object on its slice (a box is
/// first segmented there), then slice after slice up and down, each asked through the ordinary suggestion path
/// (<see cref="SuggestionService"/>: a worker, or the classical engines here) with the previous slice's mask and its box as
/// the prompt, until <see cref="PropagationStop"/> (which also compares each slice's mask with the object's intensity on
/// its own slice) or the range ends it. Each slice's answer is yielded as it comes.
/// </summary>
public sealed class PropagationService(IQuerySession session, VolumeCache volumes, SuggestionService suggestions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async IAsyncEnumerable<PropagatedSlice> PropagateAsync(JsonElement json, Guid annotator, [EnumeratorCancellation] CancellationToken ct)
    {
        var (request, error) = PropagateRequestReader.Read(json);
        if (request is null)
        {
            yield return Refused(Guid.Empty, 0, error!);
            yield break;
        }
        if (await AnnotatorItem.LoadAsync(session, request.ItemId, annotator, ct) is not { } item)
        {
            yield return Refused(request.RequestId, request.Slice, AnnotationBatch.NotYours);
            yield break;
        }
        if (await volumes.GetAsync(item.VolumeKey, ct) is not { } volume)
        {
            yield return Refused(request.RequestId, request.Slice, NoImage);
            yield break;
        }
        var count = SliceExtractor.SliceCount(volume, request.Orientation);
        if (request.Slice >= count)
        {
            yield return Refused(request.RequestId, request.Slice, $"slice must be between 0 and {count - 1} ({Name(request.Orientation)}).");
            yield break;
        }

        WireMask start;
        if (request.Mask is { } given)
        {
            if (MaskRle.Problem(given.Counts, given.Width, given.Height) is { } problem)
            {
                yield return Refused(request.RequestId, request.Slice, $"The object's mask is not a mask code: {problem}.");
                yield break;
            }
            start = given;
        }
        else
        {
            var prompt = new WirePrompt(request.ObjectId, Name(request.Orientation), request.Slice, request.ClassId, request.Box, [], []);
            var reply = await suggestions.SuggestAsync(Step(request, prompt, null), annotator, ct);
            var proposed = reply is { Ok: true, Mask: { } m } && MaskRle.Decode(m.Counts, m.Width, m.Height).Contains(true);
            yield return new PropagatedSlice(request.RequestId, request.Slice, request.Slice, 0, proposed,
                proposed ? null : reply.Error ?? "The engine found nothing in the box.", reply);
            if (!proposed)
            {
                yield break;
            }
            start = reply.Mask!;
        }

        // The stop rule compares each slice's mask with the object's intensity on its own slice (PropagationStop), so each step
        // gives its slice's raw values, cut as the suggestion path cuts them for the engines.
        var startSlice = SliceExtractor.Extract(volume, request.Orientation, request.Slice);
        var (width, height) = (start.Width, start.Height);
        if ((width, height) != (startSlice.Width, startSlice.Height) || !start.ToMask().Contains(true))
        {
            yield return Refused(request.RequestId, request.Slice, $"The object's mask must be a {startSlice.Width}×{startSlice.Height} mask (this slice's size) with set pixels.");
            yield break;
        }
        var range = PropagationRange.Within(request.Slice, count, request.First, request.Last, request.Down, request.Up, request.MaxSlices);
        var steps = SlicePropagation.RunAsync<SuggestReply>(range, start.ToMask(), startSlice.Values, async (slice, from, previous, token) =>
        {
            var prompt = PropagationPrompt.Step(request.ObjectId, Name(request.Orientation), slice, request.ClassId, from, previous, width, height);
            var reply = await suggestions.SuggestAsync(Step(request, prompt, from), annotator, token);
            var values = SliceExtractor.Extract(volume, request.Orientation, slice).Values;
            return (reply, reply is { Ok: true, Mask: { } m } && m.Width == width && m.Height == height ? m.ToMask() : null, values);
        }, ct);
        await foreach (var step in steps)
        {
            var stop = step.Stop is not null && step.Answer is { Ok: false, Error: { } refused } ? refused : step.Stop;
            yield return new PropagatedSlice(request.RequestId, step.Slice, step.From, step.Direction, step.Proposed, stop, step.Answer);
        }
    }

    /// <summary>One slice's request, as the suggestion path takes it; the prompt recorded (and kept in the label's provenance) names the slice it came from, not the mask.</summary>
    private static SuggestRequest Step(PropagateRequest request, WirePrompt prompt, int? from)
    {
        var recorded = JsonSerializer.Serialize(new
        {
            orientation = prompt.Orientation, slice = prompt.Slice, classId = prompt.ClassId, box = prompt.Box,
            propagatedFrom = from, propagation = request.RequestId,
        }, Json);
        return new SuggestRequest(Guid.NewGuid(), request.ItemId, request.Engine, request.Orientation, prompt, recorded);
    }

    /// <summary>The item is the annotator's, but its pixels are gone (the suggestion path says the same).</summary>
    public const string NoImage = "This item has no image to propagate on.";

    private static PropagatedSlice Refused(Guid requestId, int slice, string error) => new(requestId, slice, slice, 0, false, error, null);

    private static string Name(SliceOrientation orientation) => orientation.ToString().ToLowerInvariant();
}
