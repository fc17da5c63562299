namespace WeakSegPortal.Core.Audit;

/// <summary>
/// An administrative change (a project's settings, schema or team, a user's account or roles, an import, an export,
/// a model promotion): the audit page lists every event that carries this mark, and only those. A new event type
/// either carries it or is named in <see cref="AuditCatalog.NotAdministrative"/> with the reason; a test fails otherwise.
/// </summary>
public interface IAdministrativeEvent
{
    /// <summary>Who made the change (Guid.Empty: the portal itself, e.g. the demo seeding).</summary>
    Guid By { get; }

    DateTimeOffset At { get; }
}
