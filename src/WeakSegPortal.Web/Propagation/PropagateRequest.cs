using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Propagation;

/// <summary>
/// A browser's <c>Propagate</c> call (docs/suggestion-protocol.md, "Propagation"), read and checked for shape: the object
/// on <see cref="Slice"/> as a box (segmented there first) or a mask, the directions, and an optional range
/// (<see cref="First"/>…<see cref="Last"/>, inclusive) or a number of slices each way.
/// </summary>
public sealed record PropagateRequest(
    Guid RequestId, Guid ObjectId, Guid ItemId, SliceOrientation Orientation, int Slice, int ClassId, string? Engine,
    WireBox? Box, WireMask? Mask, bool Up, bool Down, int? First, int? Last, int? MaxSlices);
