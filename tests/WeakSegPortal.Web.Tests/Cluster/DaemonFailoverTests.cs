using WeakSegPortal.Web.Health;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Cluster;

/// <summary>The async daemon in HotCold mode on two nodes: one runs the agreement subscription; when it stops, the other takes over.</summary>
public sealed class DaemonFailoverTests(TwoNodes cluster) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task When_the_hot_node_stops_the_cold_one_takes_over_and_agreement_keeps_updating()
    {
        await Eventually.TrueAsync(() => Roles().Order().SequenceEqual(["cold", "hot"]), TimeSpan.FromSeconds(30));
        var hot = cluster.Running.Single(n => Role(n) == DaemonRole.Hot);
        var survivor = cluster.Running.Single(n => n != hot);

        await hot.StopAsync();

        await Eventually.TrueAsync(() => Role(survivor) == DaemonRole.Hot, TimeSpan.FromSeconds(30));
        var world = await new QaWorld(survivor, "fo").CreateAsync("Failover agreement");
        await using var a1 = await world.ConnectAsync(0);
        await using var a2 = await world.ConnectAsync(1);
        await QaWorld.BoxAsync(a1, world.Item, 10, 10, 30, 30);
        await QaWorld.BoxAsync(a2, world.Item, 10, 10, 30, 30);
        var summary = await world.SummaryWhenAsync(s => s.AnnotatorCount == 2);
        Assert.Equal(world.Project, summary.ProjectId);
    }

    private IEnumerable<string> Roles() => cluster.Running.Select(Role);

    private static string Role(ClusterNode node) => node.Services.GetRequiredService<DaemonRole>().Current();
}
