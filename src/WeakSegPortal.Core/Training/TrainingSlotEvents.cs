namespace WeakSegPortal.Core.Training;

// Events of a project's training slot (ModelStreams.TrainingSlot): one job at a time. A job's start and its end are
// appended here at the version read, so two requests cannot both take the slot and a model version number is handed
// out once.

/// <summary>Job <paramref name="JobId"/> of the project began: the slot is taken until it ends.</summary>
public sealed record TrainingSlotTaken(Guid ProjectId, Guid JobId, DateTimeOffset At);

/// <summary>Job <paramref name="JobId"/> ended; <paramref name="ModelVersionId"/> is the version it registered, if it completed.</summary>
public sealed record TrainingSlotFreed(Guid ProjectId, Guid JobId, Guid? ModelVersionId, DateTimeOffset At);
