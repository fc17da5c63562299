using System.Net;
using System.Net.Http.Headers;
using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.ApiTokens;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Security;

/// <summary>
/// Personal API tokens: every API route of the matrix answers a token exactly as it answers its owner's cookie, for
/// every role and for their own project and another; revoked, expired, unknown and disabled owners' tokens get 401;
/// only a hash is stored; a token opens neither pages nor hubs.
/// </summary>
public sealed class ApiTokenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Reasons = ["revoked", "expired", "not known", "disabled"];

    private readonly MatrixProbe _probe = new(factory);

    [Fact]
    public async Task A_token_gets_from_every_api_route_the_answer_its_owners_cookie_gets()
    {
        var own = await new QaWorld(factory, "tk-own").CreateAsync($"Token own {Guid.NewGuid():N}");
        var other = await new QaWorld(factory, "tk-other").CreateAsync($"Token other {Guid.NewGuid():N}");
        var ids = new Dictionary<Target, MatrixIds>
        {
            [Target.Own] = new(own.Project, own.Item, await _probe.ExampleAsync(own.Project), await _probe.ModelVersionAsync(own.Project), await _probe.ExportAsync(own.Project)),
            [Target.Other] = new(other.Project, other.Item, await _probe.ExampleAsync(other.Project), await _probe.ModelVersionAsync(other.Project), await _probe.ExportAsync(other.Project)),
        };
        var names = new Dictionary<Caller, (string Name, string Role)>
        {
            [Caller.Annotator] = (own.AnnotatorNames[0], Roles.Annotator),
            [Caller.QaLead] = (own.QaLeadName, Roles.QaLead),
            [Caller.Manager] = ("tk-manager", Roles.ProjectManager),
            [Caller.Admin] = ("tk-admin", Roles.Admin),
        };
        var api = AuthorizationMatrix.Routes.Where(r => r.Key.Contains(" /api/", StringComparison.Ordinal)).ToList();
        var mismatches = new List<string>();
        var served = 0;
        foreach (var (caller, (name, role)) in names)
        {
            var userId = await factory.EnsureUserAsync(name, QaWorld.Password, role);
            var token = await IssueAsync(userId, 30);
            var cookie = await HubClients.CookieAsync(factory, name, QaWorld.Password);
            foreach (var target in Enum.GetValues<Target>())
            {
                foreach (var (key, rule) in api)
                {
                    var byToken = await _probe.RouteAsync(key, rule, caller, target, ids[target], cookie: null, bearer: token);
                    var byCookie = await _probe.RouteAsync(key, rule, caller, target, ids[target], cookie);
                    served += byToken.Served ? 1 : 0;
                    if (!MatrixProbe.Holds(byToken) || byToken.Served != byCookie.Served)
                    {
                        mismatches.Add($"{caller} {target} {key}: token {byToken.Outcome}, cookie {byCookie.Outcome}, expected {byToken.Expected}");
                    }
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(served > 0, "no call was served: the token opened nothing");
    }

    [Fact]
    public async Task Revoked_expired_unknown_and_disabled_owners_tokens_get_401_with_the_reason()
    {
        var owner = await factory.EnsureUserAsync("tk-owner", QaWorld.Password, Roles.ProjectManager);
        var live = await IssueAsync(owner, 7);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(live));

        var revoked = await IssueAsync(owner, 7);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var tokens = await ApiTokenQueries.OfUserAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), owner, CancellationToken.None);
            Assert.Equal(2, tokens.Count);
            var id = tokens.Single(t => revoked.StartsWith(t.Prefix, StringComparison.Ordinal)).Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<RevokeApiTokenHandler>().HandleAsync(new RevokeApiToken(id, owner), CancellationToken.None)).Succeeded);
        }
        Assert.Equal((HttpStatusCode.Unauthorized, "revoked"), await RefusalAsync(revoked));

        var expired = await StoreExpiredAsync(owner);
        Assert.Equal((HttpStatusCode.Unauthorized, "expired"), await RefusalAsync(expired));
        Assert.Equal((HttpStatusCode.Unauthorized, "not known"), await RefusalAsync(live[..^4] + "AAAA"));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var disabled = await scope.ServiceProvider.GetRequiredService<UpdateUserAccessHandler>()
                .HandleAsync(new UpdateUserAccess(owner, [Roles.ProjectManager], Disabled: true, Guid.Empty), CancellationToken.None);
            Assert.True(disabled.Succeeded);
        }
        Assert.Equal((HttpStatusCode.Unauthorized, "disabled"), await RefusalAsync(live));
    }

    [Fact]
    public async Task Only_a_hash_is_stored_and_a_token_opens_no_page_and_no_hub()
    {
        var owner = await factory.EnsureUserAsync("tk-store", QaWorld.Password, Roles.Admin);
        var token = await IssueAsync(owner, 30);
        Assert.True(ApiTokenFormat.TryParse(token, out var id, out var secret));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var json = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Json.FindByIdAsync<ApiToken>(id);
            Assert.NotNull(json);
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
            Assert.Contains(ApiTokenFormat.Hash(secret), json, StringComparison.Ordinal);
        }
        using var client = SignIn.NewClient(factory);
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/users", UriKind.Relative));
        page.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("/login", answer.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/annotation"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.Headers["Authorization"] = $"Bearer {token}";
            })
            .Build();
        await using (hub)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        }
    }

    private async Task<string> IssueAsync(Guid userId, int days)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var (result, issued) = await scope.ServiceProvider.GetRequiredService<IssueApiTokenHandler>()
            .HandleAsync(new IssueApiToken(userId, $"test {Guid.NewGuid():N}"[..20], days), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return issued!.Token;
    }

    /// <summary>A token whose expiry has passed, stored as the issuer stores one.</summary>
    private async Task<string> StoreExpiredAsync(Guid owner)
    {
        var id = Guid.CreateVersion7();
        var (token, hash) = ApiTokenFormat.New(id);
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Insert(new ApiToken
        {
            Id = id, UserId = owner, Name = "expired", SecretHash = hash, Prefix = token[..36],
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-10), ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1),
        });
        await session.SaveChangesAsync();
        return token;
    }

    private async Task<HttpStatusCode> StatusAsync(string token) => (await RefusalAsync(token)).Status;

    private async Task<(HttpStatusCode Status, string Reason)> RefusalAsync(string token)
    {
        using var client = SignIn.NewClient(factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/antiforgery", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        var reason = Reasons.FirstOrDefault(r => challenge.Contains(r, StringComparison.Ordinal)) ?? challenge;
        return (response.StatusCode, reason);
    }
}
