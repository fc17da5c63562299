namespace WeakSegPortal.Web.Audit;

/// <summary>What the audit page narrows to: who, what (an event kind), which project, and when (UTC, from inclusive, to exclusive).</summary>
public sealed record AuditFilter(Guid? By = null, string? Kind = null, Guid? ProjectId = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
