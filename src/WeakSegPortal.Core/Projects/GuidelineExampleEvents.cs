using WeakSegPortal.Core.Audit;

namespace WeakSegPortal.Core.Projects;

// Example images of a project's guidelines, on the project's stream.

public sealed record GuidelineExampleAdded(Guid ProjectId, GuidelineExample Example, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

public sealed record GuidelineExampleRemoved(Guid ProjectId, Guid ExampleId, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;
