namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>One annotation event as the event store holds it: which stream, at which version, for which command and annotation.</summary>
public sealed record StoredCommand(Guid StreamId, long Version, string Type, Guid CommandId, Guid AnnotationId, long? ActiveMs);
