namespace WeakSegPortal.Web.Audit;

/// <summary>One administrative change as the audit page lists it; one per <see cref="Core.Audit.IAdministrativeEvent"/>.</summary>
public sealed class AuditEntry
{
    /// <summary>The event's id.</summary>
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid By { get; set; }
    /// <summary>The project the change is about; null for accounts.</summary>
    public Guid? ProjectId { get; set; }
    /// <summary>The event type's name ("LabelClassRetired").</summary>
    public string Kind { get; set; } = "";
    /// <summary>The change in words ("Label class retired").</summary>
    public string What { get; set; } = "";
    /// <summary>The event's own fields, short (who and when are columns of their own).</summary>
    public string Details { get; set; } = "";
}
