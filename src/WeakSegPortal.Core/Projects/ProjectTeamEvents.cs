using WeakSegPortal.Core.Audit;

namespace WeakSegPortal.Core.Projects;

// Who works on a project; on the project's stream beside its settings.

public sealed record ProjectMemberAdded(Guid ProjectId, Guid UserId, ProjectRole Role, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

public sealed record ProjectMemberRemoved(Guid ProjectId, Guid UserId, ProjectRole Role, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;
