using System.Security.Claims;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Slices;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Slices;

/// <summary>The slice endpoints' remembered access decision: a yes is kept for the recheck time, a no never.</summary>
public sealed class ItemAccessCacheTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static ClaimsPrincipal Annotator(Guid id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(ClaimTypes.Role, Roles.Annotator)], "test"));

    [Fact]
    public async Task A_joining_member_gets_in_at_once_and_a_removed_member_is_refused_once_the_recheck_time_has_passed()
    {
        var member = await factory.EnsureUserAsync("cache-member", "cache-pw", Roles.Annotator);
        var joiner = await factory.EnsureUserAsync("cache-joiner", "cache-pw", Roles.Annotator);
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft($"Access {Guid.NewGuid():N}"), new ProjectMember(member, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "remembered");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        var access = new ItemAccessCache(store, clock);

        Assert.NotNull((await access.LoadAsync(item, Annotator(member), CancellationToken.None)).Item);
        var (refused, refusal) = await access.LoadAsync(item, Annotator(joiner), CancellationToken.None);
        Assert.Null(refused);
        Assert.NotNull(refusal);

        await AppendAsync(store, project, new ProjectMemberAdded(project, joiner, ProjectRole.Annotator, member, clock.GetUtcNow()));
        Assert.NotNull((await access.LoadAsync(item, Annotator(joiner), CancellationToken.None)).Item);

        await AppendAsync(store, project, new ProjectMemberRemoved(project, member, ProjectRole.Annotator, member, clock.GetUtcNow()));
        // Remembered: the removal reaches the slices within the recheck time, as it reaches a signed-in cookie.
        Assert.NotNull((await access.LoadAsync(item, Annotator(member), CancellationToken.None)).Item);
        clock.Advance(SessionValidator.RecheckAfter);
        Assert.Null((await access.LoadAsync(item, Annotator(member), CancellationToken.None)).Item);
        Assert.NotNull((await access.LoadAsync(item, Annotator(joiner), CancellationToken.None)).Item);
    }

    private static async Task AppendAsync(IDocumentStore store, Guid project, object change)
    {
        await using var session = store.LightweightSession();
        session.Events.Append(project, change);
        await session.SaveChangesAsync();
    }
}
