namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// How long one fault took to recover from, from the moment it was injected: until the harness had
/// done it (the portal answering /health again, pg_ctl restart returned, the cut), to the first
/// accepted ack of a call made after it, and until every annotator had one.
/// </summary>
public sealed record FaultRecovery(string Kind, TimeSpan Injected, TimeSpan FirstAccepted, TimeSpan AllAnnotatorsBack);
