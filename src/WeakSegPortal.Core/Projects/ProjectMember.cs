namespace WeakSegPortal.Core.Projects;

/// <summary>A person in a project's team, in one role.</summary>
public sealed record ProjectMember(Guid UserId, ProjectRole Role);
