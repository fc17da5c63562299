using WeakSegPortal.Core.Audit;

namespace WeakSegPortal.Web.Audit;

/// <summary>Every administrative event type of Core and of the web app (found by their mark, <see cref="IAdministrativeEvent"/>).</summary>
public static class AuditedEventTypes
{
    public static IReadOnlyList<Type> All { get; } =
        [.. new[] { typeof(IAdministrativeEvent).Assembly, typeof(AuditedEventTypes).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && AuditCatalog.IsAdministrative(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)];
}
