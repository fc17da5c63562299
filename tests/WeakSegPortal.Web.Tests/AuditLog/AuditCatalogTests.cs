using Marten;
using WeakSegPortal.Core.Audit;
using WeakSegPortal.Web.Audit;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.AuditLog;

/// <summary>The audit's one place: every event type the store knows is marked administrative or named as not, with why.</summary>
public sealed class AuditCatalogTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public void Every_event_type_of_the_store_is_either_administrative_or_named_as_not()
    {
        var registered = RegisteredEventTypes();
        var undecided = registered.Where(t => !AuditCatalog.IsAdministrative(t) && !AuditCatalog.NotAdministrative.ContainsKey(t)).Select(t => t.Name).ToList();
        Assert.True(undecided.Count == 0,
            "Event types neither marked IAdministrativeEvent nor named in AuditCatalog.NotAdministrative: " + string.Join(", ", undecided));
        Assert.DoesNotContain(AuditCatalog.NotAdministrative.Keys, AuditCatalog.IsAdministrative);
        // Each audited type is registered, so the audit projection sees it.
        Assert.Empty(AuditedEventTypes.All.Except(registered).Select(t => t.Name));
        Assert.Contains(typeof(Core.Training.ModelPromoted), AuditedEventTypes.All);
        Assert.Contains(typeof(WeakSegPortal.Web.Account.UserAccessChanged), AuditedEventTypes.All);
    }

    /// <summary>The store's registered event types, read from its event graph (Marten keeps the list to itself).</summary>
    private List<Type> RegisteredEventTypes()
    {
        var events = factory.Services.GetRequiredService<IDocumentStore>().Options.Events;
        var flags = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        var all = events.GetType().GetMethods(flags).First(m => m.Name is "AllEvents" && m.GetParameters().Length == 0);
        var mappings = (System.Collections.IEnumerable)all.Invoke(events, null)!;
        // Marten's own (Archived, …) are the store's business, not the portal's.
        var types = mappings.Cast<object>().Select(m => (Type)m.GetType().GetProperty("DocumentType", flags)!.GetValue(m)!)
            .Where(t => t.Namespace?.StartsWith("WeakSegPortal.", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(types);
        return types;
    }

    [Fact]
    public void A_kind_is_described_in_words()
    {
        Assert.Equal("Label class retired", AuditCatalog.Describe(typeof(Core.Projects.LabelClassRetired)));
        Assert.Equal("Name: Liver study", AuditProjection.DetailsOf(new Core.Projects.ProjectRenamed(Guid.NewGuid(), "Liver study", Guid.NewGuid(), DateTimeOffset.UtcNow)));
        Assert.Equal("UserId: 00000000-0000-0000-0000-000000000000; Roles: [\"Annotator\"]; Disabled: true",
            AuditProjection.DetailsOf(new WeakSegPortal.Web.Account.UserAccessChanged(Guid.Empty, ["Annotator"], true, Guid.NewGuid(), DateTimeOffset.UtcNow)));
    }
}
