namespace WeakSegPortal.Core.Projects;

/// <summary>How far a project's items are: imported, annotated by every annotator they need, adjudicated.</summary>
public sealed record ProjectProgress(int Items, int Complete, int Adjudicated)
{
    public static readonly ProjectProgress None = new(0, 0, 0);

    /// <summary>Complete items as a share of all items, 0–100.</summary>
    public double Percent => Items == 0 ? 0 : 100.0 * Complete / Items;
}
