namespace WeakSegPortal.Core.Audit;

/// <summary>An event about one project: its audit entry belongs to that project (project managers see those).</summary>
public interface IProjectScoped
{
    Guid ProjectId { get; }
}
