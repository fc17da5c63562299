using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests;

public sealed class HealthTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Health_reports_the_database_and_event_store_ready()
    {
        using var client = SignIn.NewClient(factory);
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var database = body.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("ready", database.GetProperty("data").GetProperty("eventStore").GetString());
    }
}

public sealed class StartupTests
{
    [Fact]
    public void A_malformed_connection_string_stops_the_start_with_a_clear_message()
    {
        using var factory = new ConfiguredFactory("Host=127.0.0.1;Port=notanumber");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var validation = FindInner<OptionsValidationException>(error);
        Assert.Contains("Database:ConnectionString", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_connection_string_names_the_setting_to_set()
    {
        using var factory = new ConfiguredFactory("");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Database:ConnectionString is not set", FindInner<OptionsValidationException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_database_stops_the_start_saying_where_it_looked()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        using var factory = new ConfiguredFactory("Host=127.0.0.1;Port=1;Database=nowhere;Username=postgres;Timeout=3");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var inner = FindInner<InvalidOperationException>(error, e => e.Message.StartsWith("Cannot reach PostgreSQL", StringComparison.Ordinal));
        Assert.Contains("127.0.0.1:1", inner.Message, StringComparison.Ordinal);
    }

    private static T FindInner<T>(Exception e, Func<T, bool>? match = null) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is T t && (match is null || match(t)))
            {
                return t;
            }
            if (x is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (inner is T ti && (match is null || match(ti)))
                    {
                        return ti;
                    }
                }
            }
        }
        throw new Xunit.Sdk.XunitException($"No {typeof(T).Name} inside: {e}");
    }

    private sealed class ConfiguredFactory(string connectionString) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:ConnectionString", connectionString);
        }
    }
}
