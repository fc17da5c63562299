namespace WeakSegPortal.Core.Training;

/// <summary>
/// The output classes of a project's network: one channel per class id up to the highest (project class ids are stable and
/// may leave gaps when a class was retired), background (0) included, so channel k is class id k.
/// </summary>
public static class NetworkClasses
{
    public static int Count(IEnumerable<int> classIds)
    {
        ArgumentNullException.ThrowIfNull(classIds);
        return Math.Max(1, classIds.DefaultIfEmpty(0).Max()) + 1;
    }
}
