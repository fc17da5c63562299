using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Cluster;

/// <summary>Redis settings are checked at start: a connection string that names no server stops the portal with a message.</summary>
public sealed class BackplaneSettingsStartupTests
{
    [Fact]
    public async Task A_Redis_connection_string_without_a_server_stops_the_portal()
    {
        var error = await StartupFailure.OfAsync(("Redis:ConnectionString", "password=secret,ssl=true"));

        Assert.Contains("Redis:ConnectionString names no server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_entry_lifetime_under_three_seconds_stops_the_portal()
    {
        var error = await StartupFailure.OfAsync(("Redis:ConnectionString", "127.0.0.1:1"), ("Redis:NodeTtl", "00:00:01"));

        Assert.Contains("NodeTtl", error.Message, StringComparison.Ordinal);
    }
}
