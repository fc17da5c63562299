using WeakSegPortal.Core.Audit;

namespace WeakSegPortal.Core.Projects;

/// <summary>The project trains its model automatically after <paramref name="AfterItems"/> newly submitted items (0: never; Training/AutoTraining).</summary>
public sealed record AutoTrainingChosen(Guid ProjectId, int AfterItems, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;
