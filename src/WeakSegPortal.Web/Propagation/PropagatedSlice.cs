using WeakSegPortal.Web.Suggestions;

namespace WeakSegPortal.Web.Propagation;

/// <summary>
/// One message of a <c>Propagate</c> stream: the suggestion for <paramref name="Slice"/> made from the object's mask on
/// <paramref name="From"/> (<paramref name="Direction"/> +1 up, −1 down, 0 the start slice segmented from the box).
/// <paramref name="Stop"/> set: the run in that direction ended here and the slice is not proposed; on a refused request
/// it is the only message, with the refusal's sentence and no reply.
/// </summary>
public sealed record PropagatedSlice(Guid RequestId, int Slice, int From, int Direction, bool Proposed, string? Stop, SuggestReply? Reply);
