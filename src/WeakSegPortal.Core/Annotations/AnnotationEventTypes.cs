namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// Every event type of the label streams, found once from the <see cref="IAnnotationEvent"/>
/// records of this assembly: registration with the store and the consumers' event filters read
/// this list, so a new kind of label is known everywhere by its record alone.
/// </summary>
public static class AnnotationEventTypes
{
    public static IReadOnlyList<Type> All { get; } =
        [.. typeof(IAnnotationEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAnnotationEvent).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>The types that make a label (all but deletion).</summary>
    public static IReadOnlyList<Type> Made { get; } = [.. All.Where(typeof(ILabelMade).IsAssignableFrom)];
}
