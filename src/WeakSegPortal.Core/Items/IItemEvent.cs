namespace WeakSegPortal.Core.Items;

/// <summary>An event about one item: its life cycle, or a label on it.</summary>
public interface IItemEvent
{
    Guid ItemId { get; }
}
