namespace WeakSegPortal.Core.Qa;

/// <summary>Agreement summaries of these items (in these projects) were just rewritten.</summary>
public sealed record AgreementChanged(IReadOnlyCollection<Guid> ItemIds, IReadOnlyCollection<Guid> ProjectIds, DateTimeOffset At);
