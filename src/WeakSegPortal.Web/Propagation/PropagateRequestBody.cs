using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Propagation;

/// <summary>The JSON of a <c>Propagate</c> call as it arrives, every field optional so that a missing one is named in the answer.</summary>
internal sealed record PropagateRequestBody(
    Guid? RequestId, Guid? ObjectId, Guid? ItemId, string? Orientation, int? Slice, int? ClassId, string? Engine,
    WireBox? Box, WireMask? Mask, string? Direction, int? First, int? Last, int? MaxSlices);
