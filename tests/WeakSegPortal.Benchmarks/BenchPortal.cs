using System.Net.Http.Json;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Extensions;

namespace WeakSegPortal.Benchmarks;

/// <summary>The real portal on a Kestrel socket on loopback, against a fresh database, for load runs.</summary>
internal sealed class BenchPortal : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _admin;
    private readonly string _database;

    private BenchPortal(WebApplication app, string admin, string database, Uri address)
    {
        _app = app;
        _admin = admin;
        _database = database;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_admin) { Database = _database, MaxPoolSize = 100 }.ConnectionString;

    public static async Task<BenchPortal> StartAsync(string adminConnectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = $"bench_{Guid.NewGuid():N}";
        await ExecuteAsync(adminConnectionString, $"create database {database}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = typeof(Extensions).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database, MaxPoolSize = 100 }.ConnectionString;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }
        builder.AddPortalServices();
        var app = builder.Build();
        app.UsePortal();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchPortal(app, adminConnectionString, database, new Uri(address));
    }

    /// <summary>Signs in through the real form and returns the cookie header value.</summary>
    public async Task<string> SignInAsync(string userName, string password) => (await SignInForApiAsync(userName, password)).Cookie;

    /// <summary>Signs in and fetches the antiforgery token that API writes need: the cookies to send and the header's value.</summary>
    public async Task<(string Cookie, string Token)> SignInForApiAsync(string userName, string password)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = Address };
        var form = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        var token = WeakSegPortal.Web.Tests.Infrastructure.SignIn.AntiforgeryToken(form);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
        });
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), body);
        var api = await client.GetFromJsonAsync<WeakSegPortal.Web.Security.ApiAntiforgery.Token>(new Uri(WeakSegPortal.Web.Security.ApiAntiforgery.TokenPath, UriKind.Relative));
        return (cookies.GetCookieHeader(Address), api?.Value ?? "");
    }

    /// <summary>A new project manager, signed in: an HTTP client with their cookie and the antiforgery header API writes need.</summary>
    public async Task<HttpClient> ManagerClientAsync(string userName, string password)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CreateUserHandler>()
                .HandleAsync(new NewUser { UserName = userName, Password = password, Roles = [Roles.ProjectManager] }, CancellationToken.None);
        }
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(10) };
        var (cookie, token) = await SignInForApiAsync(userName, password);
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        http.DefaultRequestHeaders.Add(WeakSegPortal.Web.Security.ApiAntiforgery.HeaderName, token);
        return http;
    }

    /// <summary>A one-class box project for import runs, created through the portal's own handler.</summary>
    public async Task<Guid> NewProjectAsync(string name, string className)
    {
        await using var scope = Services.CreateAsyncScope();
        var draft = new ProjectDraft
        {
            Name = name,
            Modality = Modality.CT,
            Classes = [new() { Name = className, Colour = "#ff0000" }],
            AllowedKinds = [AnnotationKind.Box],
            AnnotatorsPerItem = 1,
        };
        return (await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>().HandleAsync(new CreateProject(draft, Guid.Empty), CancellationToken.None)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"drop database if exists {_database} with (force)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
