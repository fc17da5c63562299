namespace WeakSegPortal.Core.Suggestions;

// Events of one suggested object (one stream per annotator × object, SuggestionStreams.For): every
// prompt the annotator gave for it and what the engine answered, then at most one ending — the
// mask accepted as a label, or rejected. Agreement and scorecards read them to tell assisted labels
// from manual ones (docs/suggestion-protocol.md).

/// <summary>An event of one suggested object's stream.</summary>
public interface ISuggestionEvent
{
    Guid ObjectId { get; }
    Guid ItemId { get; }
    Guid AnnotatorId { get; }
    DateTimeOffset At { get; }
}

/// <summary>
/// One prompt answered: the first for a new object, or a refinement of it (more clicks, another
/// scribble). <paramref name="Prompt"/> is the prompt as JSON, as the browser sent it;
/// <paramref name="RanOn"/> is "web" (the in-process classical fallback) or the worker's name.
/// </summary>
public sealed record SuggestionRequested(
    Guid SuggestionId, Guid ObjectId, Guid ItemId, Guid AnnotatorId, int ClassId, string Orientation, int Slice,
    string Engine, string EngineVersion, string Provider, string Prompt, double Score, int MaskPixels,
    long ServerMs, string RanOn, bool Retried, DateTimeOffset At) : ISuggestionEvent;

/// <summary>The annotator kept suggestion <paramref name="SuggestionId"/>: it became label <paramref name="AnnotationId"/>.</summary>
public sealed record SuggestionAccepted(
    Guid SuggestionId, Guid ObjectId, Guid ItemId, Guid AnnotatorId, Guid AnnotationId, DateTimeOffset At) : ISuggestionEvent;

/// <summary>The annotator threw the object's last suggestion away.</summary>
public sealed record SuggestionRejected(
    Guid SuggestionId, Guid ObjectId, Guid ItemId, Guid AnnotatorId, DateTimeOffset At) : ISuggestionEvent;
