using WeakSegPortal.Core.Audit;

namespace WeakSegPortal.Core.Projects;

// Events of a project's settings stream (one stream per project). Each says who and when.

public sealed record ProjectCreated(
    Guid ProjectId,
    string Name,
    string Description,
    Modality Modality,
    IReadOnlyList<LabelClass> Classes,
    IReadOnlyList<AnnotationKind> AllowedKinds,
    int AnnotatorsPerItem,
    double GoldRate,
    string Guidelines,
    Guid By,
    DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

public sealed record ProjectRenamed(Guid ProjectId, string Name, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

public sealed record ProjectDescribed(Guid ProjectId, string Description, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

public sealed record ProjectModalityChanged(Guid ProjectId, Modality Modality, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

public sealed record LabelClassAdded(Guid ProjectId, LabelClass Class, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

public sealed record LabelClassChanged(Guid ProjectId, LabelClass Class, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

/// <summary>The class is no longer offered; its id stays reserved so old labels keep their meaning.</summary>
public sealed record LabelClassRetired(Guid ProjectId, int ClassId, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

public sealed record AllowedAnnotationKindsChanged(Guid ProjectId, IReadOnlyList<AnnotationKind> AllowedKinds, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

public sealed record AssignmentRulesChanged(Guid ProjectId, int AnnotatorsPerItem, double GoldRate, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

/// <summary>The project's suggestion engine (<see cref="SuggestionEngineNames"/>); a project without this event uses "auto".</summary>
public sealed record SuggestionEngineChosen(Guid ProjectId, string Engine, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

/// <summary>How the queue picks this project's next item (Items/Sampling/SamplingStrategies); a project without this event is "sequential".</summary>
public sealed record SamplingStrategyChosen(Guid ProjectId, string Strategy, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;

public sealed record GuidelinesChanged(Guid ProjectId, string Guidelines, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;
