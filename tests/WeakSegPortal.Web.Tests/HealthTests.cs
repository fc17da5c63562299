using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using WeakSegPortal.Web.Extensions;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests;

public sealed class HealthTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Anonymous_callers_get_the_status_alone()
    {
        using var client = SignIn.NewClient(factory);
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(["status"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("PostgreSQL", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_admin_gets_the_status_alone_too()
    {
        await factory.EnsureUserAsync("health-ann", "health-password", WeakSegPortal.Web.Account.Roles.Annotator);
        using var client = await SignIn.AsAsync(factory, "health-ann", "health-password");
        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        Assert.Equal(["status"], body.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Admins_get_the_database_the_event_store_and_the_agreement_lag()
    {
        await factory.EnsureUserAsync("health-admin", "health-password", WeakSegPortal.Web.Account.Roles.Admin);
        using var client = await SignIn.AsAsync(factory, "health-admin", "health-password");
        using var report = await Eventually.GetAsync(
            async () => JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative))),
            // Signing in appends account events (the audit's), so the daemon may be an event behind for a moment: wait for it.
            d => d.RootElement.GetProperty("checks").GetProperty("agreement") is var a
                && a.GetProperty("status").GetString() == "Healthy" && a.GetProperty("data").GetProperty("eventsBehind").GetInt64() == 0);
        var checks = report.RootElement.GetProperty("checks");
        var database = checks.GetProperty("database");
        Assert.Equal("ready", database.GetProperty("data").GetProperty("eventStore").GetString());
        Assert.False(string.IsNullOrEmpty(database.GetProperty("data").GetProperty("server").GetString()));
        var agreement = checks.GetProperty("agreement").GetProperty("data");
        Assert.Equal(0, agreement.GetProperty("eventsBehind").GetInt64());
        Assert.Equal(60, agreement.GetProperty("maxLagSeconds").GetDouble());
        // One node without Redis: it runs the daemon itself and shares nothing.
        Assert.Equal(("Solo", "hot"), (agreement.GetProperty("daemonMode").GetString(), agreement.GetProperty("role").GetString()));
        var backplane = checks.GetProperty("backplane");
        Assert.Equal(("Healthy", "none"), (backplane.GetProperty("status").GetString(), backplane.GetProperty("data").GetProperty("backplane").GetString()));
    }

    [Fact]
    public async Task Admins_get_the_nodes_open_hub_connections_and_its_memory()
    {
        await factory.EnsureUserAsync("health-mem-admin", "health-password", WeakSegPortal.Web.Account.Roles.Admin);
        await factory.EnsureUserAsync("health-mem-ann", "health-password", WeakSegPortal.Web.Account.Roles.Annotator);
        using var client = await SignIn.AsAsync(factory, "health-mem-admin", "health-password");
        await using var hub = await HubClients.ConnectAsync(factory, "/hubs/annotation", "health-mem-ann", "health-password");

        // The client's start completes at the handshake; the hub's OnConnectedAsync (which checks the sign-in against the
        // store, then counts the connection) runs just after it on the server, so the count is waited for, not read once.
        using var report = await Eventually.GetAsync(
            async () => JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative))),
            d => d.RootElement.GetProperty("checks").GetProperty("process").GetProperty("data").GetProperty("hubConnections").GetInt32() >= 1);

        var process = report.RootElement.GetProperty("checks").GetProperty("process").GetProperty("data");
        Assert.True(process.GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.True(process.GetProperty("gcHeapBytes").GetInt64() > 0);
    }
}

/// <summary>With the agreement daemon on another node that is not running, /health says the QA desk is stale.</summary>
public sealed class AgreementLagHealthTests(AgreementLagHealthTests.NoDaemonPortal factory) : IClassFixture<AgreementLagHealthTests.NoDaemonPortal>
{
    [Fact]
    public async Task A_daemon_that_trails_past_the_limit_makes_health_degraded_with_its_lag()
    {
        await factory.EnsureUserAsync("lag-admin", "lag-password", WeakSegPortal.Web.Account.Roles.Admin);
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Lagging"));
        await TestData.ItemAsync(factory.Services, project, "unscored");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var client = await SignIn.AsAsync(factory, "lag-admin", "lag-password");
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
        var agreement = body.RootElement.GetProperty("checks").GetProperty("agreement");
        Assert.Equal("Degraded", agreement.GetProperty("status").GetString());
        Assert.True(agreement.GetProperty("data").GetProperty("eventsBehind").GetInt64() > 0);
        Assert.True(agreement.GetProperty("data").GetProperty("lagSeconds").GetDouble() >= 1);
        using var anonymous = SignIn.NewClient(factory);
        using var plain = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/health", UriKind.Relative)));
        Assert.Equal("Degraded", plain.RootElement.GetProperty("status").GetString());
    }

    /// <summary>The agreement daemon runs elsewhere (and nowhere, here); the lag limit is one second.</summary>
    public sealed class NoDaemonPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Agreement:Daemon", "Disabled");
            builder.UseSetting("Health:MaxAgreementLag", "00:00:01");
        }
    }
}

/// <summary>
/// Start-up checks run the real host builder (not a test factory), so a failed start surfaces as
/// the exception the operator would see.
/// </summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_malformed_connection_string_stops_the_start_with_a_clear_message()
    {
        var error = await StartFailureAsync("Host=127.0.0.1;Port=notanumber");
        var validation = FindInner<OptionsValidationException>(error);
        Assert.Contains("Database:ConnectionString is not a valid PostgreSQL connection string", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_connection_string_names_the_setting_to_set()
    {
        var error = await StartFailureAsync("");
        Assert.Contains("Database:ConnectionString is not set", FindInner<OptionsValidationException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_start_saying_where_it_looked()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var error = await StartFailureAsync("Host=127.0.0.1;Port=1;Database=nowhere;Username=postgres;Timeout=3");
        var inner = FindInner<InvalidOperationException>(error, e => e.Message.StartsWith("Cannot reach PostgreSQL", StringComparison.Ordinal));
        Assert.Contains("127.0.0.1:1", inner.Message, StringComparison.Ordinal);
    }

    private static async Task<Exception> StartFailureAsync(string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddPortalServices();
        await using var app = builder.Build();
        app.UsePortal();
        return await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
    }

    private static T FindInner<T>(Exception e, Func<T, bool>? match = null) where T : Exception
    {
        var pending = new Stack<Exception>([e]);
        while (pending.TryPop(out var x))
        {
            if (x is T t && (match is null || match(t)))
            {
                return t;
            }
            if (x is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (x.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
        throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} inside: {e}");
    }
}
