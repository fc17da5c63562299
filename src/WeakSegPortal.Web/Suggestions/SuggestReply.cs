using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>The answer to <c>Suggest</c> (docs/suggestion-protocol.md): a run-length mask and what made it, or a sentence for the annotator.</summary>
public sealed record SuggestReply(
    Guid RequestId, Guid? SuggestionId, Guid? ObjectId, bool Ok, string? Error,
    string? Engine, string? EngineVersion, string? Provider, string? RanOn, bool Retried, double Score, WireMask? Mask, long ServerMs)
{
    public static SuggestReply Refused(Guid requestId, Guid? objectId, string error) =>
        new(requestId, null, objectId, false, error, null, null, null, null, false, 0, null, 0);
}
