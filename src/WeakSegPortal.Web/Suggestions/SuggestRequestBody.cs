using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>The JSON of a <c>Suggest</c> call as it arrives, every field optional so that a missing one is named in the answer.</summary>
internal sealed record SuggestRequestBody(
    Guid? RequestId, Guid? ObjectId, Guid? ItemId, string? Orientation, int? Slice, int? ClassId, string? Engine,
    WireBox? Box, List<WirePoint>? Points, List<WireScribble>? Scribbles);
