using WeakSegPortal.Core.Audit;

namespace WeakSegPortal.Core.Projects;

/// <summary>
/// The share of each annotator's submitted items the queue serves them again later, unmarked, to measure how
/// consistent they are with themselves (Items/QueueRules.RepeatDue); 0 never. A project without this event repeats nothing.
/// </summary>
public sealed record RepeatShareChosen(Guid ProjectId, double Share, Guid By, DateTimeOffset At) : IAdministrativeEvent, IProjectScoped;
