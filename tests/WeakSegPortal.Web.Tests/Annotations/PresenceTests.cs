using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Hubs;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Annotations;

public sealed class PresenceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_annotator_on_an_item_is_visible_until_the_connection_closes()
    {
        var ann = await factory.EnsureUserAsync("presence-ann", "presence-pw", Roles.Annotator);
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Presence"), new ProjectMember(ann, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "case-7");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(item, (await scope.ServiceProvider.GetRequiredService<WeakSegPortal.Core.Items.NextItemHandler>().HandleAsync(new WeakSegPortal.Core.Items.NextItem(project, ann), CancellationToken.None))!.Id);
        }
        var tracker = factory.Services.GetRequiredService<PresenceTracker>();
        var changes = 0;
        using var subscription = tracker.Subscribe(() => Interlocked.Increment(ref changes));

        var hub = await HubClients.ConnectAsync(factory, "/hubs/annotation", "presence-ann", "presence-pw");
        await Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync(hub, "Focus", item);
        var seen = Assert.Single(tracker.Current, p => p.UserId == ann);
        Assert.Equal(item, seen.ItemId);

        await hub.DisposeAsync();
        for (var i = 0; i < 50 && tracker.Current.Any(p => p.UserId == ann); i++)
        {
            await Task.Delay(100);
        }
        Assert.DoesNotContain(tracker.Current, p => p.UserId == ann);
        Assert.True(changes >= 2);
    }

    [Fact]
    public async Task Focus_on_an_item_that_is_not_the_callers_is_refused_and_shows_nothing()
    {
        var ann = await factory.EnsureUserAsync("presence-other", "presence-pw", Roles.Annotator);
        var own = await TestData.ProjectAsync(factory.Services, TestData.Draft("Presence own"), new ProjectMember(ann, ProjectRole.Annotator));
        var elsewhere = await TestData.ProjectAsync(factory.Services, TestData.Draft("Presence elsewhere"));
        var unassigned = await TestData.ItemAsync(factory.Services, own, "never assigned");
        var foreign = await TestData.ItemAsync(factory.Services, elsewhere, "another team's");
        await using var hub = await HubClients.ConnectAsync(factory, "/hubs/annotation", "presence-other", "presence-pw");
        foreach (var item in new[] { unassigned, foreign, Guid.NewGuid() })
        {
            var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync(hub, "Focus", item));
            Assert.Contains(WeakSegPortal.Core.Annotations.AnnotationBatch.NotYours, refused.Message, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(factory.Services.GetRequiredService<PresenceTracker>().Current, p => p.UserId == ann);
    }
}
