namespace WeakSegPortal.Core.Items;

/// <summary>Why a QA lead sent an item back to an annotator; shown to that annotator until they submit again.</summary>
public sealed record ReturnNote(Guid AnnotatorId, string Comment, Guid By, DateTimeOffset At);
