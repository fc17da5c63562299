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
