namespace WeakSegPortal.Worker;

/// <summary>Whose low-resolution mask: one object on one slice, from one engine (another engine's mask is no hint for this one).</summary>
public sealed record PreviousMaskKey(Guid ObjectId, string Engine, string Orientation, int Slice);
