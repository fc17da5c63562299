namespace WeakSegPortal.Core.Projects;

/// <summary>The few fields of an item that project progress is counted from.</summary>
public sealed class ItemProgressRow
{
    public Guid ProjectId { get; set; }
    public int Submitted { get; set; }
    public bool Adjudicated { get; set; }
}
