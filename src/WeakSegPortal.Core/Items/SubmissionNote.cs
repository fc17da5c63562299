namespace WeakSegPortal.Core.Items;

/// <summary>One submission of an item: who, the active time they reported for the whole item, and when.</summary>
public sealed record SubmissionNote(Guid AnnotatorId, long ActiveMilliseconds, DateTimeOffset At);
