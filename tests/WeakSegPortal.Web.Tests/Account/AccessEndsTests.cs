using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Security;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Account;

/// <summary>
/// Access ends when it should: disabling a user, taking a role or signing out revokes the cookie
/// for pages, the API and the hub, and closes open hub connections. Checked with the cookie a
/// browser (or a thief) holds, sent again after the change.
/// </summary>
public sealed class AccessEndsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Admin = "access-admin";

    private static HttpClient RawClient(PortalFactory factory, string cookie)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>What the item endpoint answers this cookie: 401 when it is refused; anything else got past sign-in (these test items have no pixels: 410).</summary>
    private async Task<HttpStatusCode> ItemInfoAsync(string cookie, Guid item)
    {
        using var client = RawClient(factory, cookie);
        using var response = await client.GetAsync(new Uri($"/api/items/{item}", UriKind.Relative));
        return response.StatusCode;
    }

    private async Task<string?> HomePageRedirectAsync(string cookie)
    {
        using var client = RawClient(factory, cookie);
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK ? null : response.Headers.Location?.PathAndQuery;
    }

    private async Task ChangeAccessAsync(Guid user, bool disabled, params string[] roles)
    {
        var admin = await factory.EnsureUserAsync(Admin, QaWorld.Password, Roles.Admin);
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UpdateUserAccessHandler>().HandleAsync(new UpdateUserAccess(user, roles, disabled, admin), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }

    private static async Task<Exception?> ClosedAsync(HubConnection hub)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        if (hub.State == HubConnectionState.Disconnected)
        {
            return null;
        }
        return await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Disabling_a_user_refuses_their_cookie_everywhere_and_closes_their_hub_connections()
    {
        var world = await new QaWorld(factory, "access-off").CreateAsync("Access: disabled");
        var cookie = await HubClients.CookieAsync(factory, world.AnnotatorNames[0], QaWorld.Password);
        await using var hub = await world.ConnectAsync(0);
        Assert.Equal(HttpStatusCode.Gone, await ItemInfoAsync(cookie, world.Item));
        var closed = ClosedAsync(hub);

        await ChangeAccessAsync(world.Annotators[0], disabled: true, Roles.Annotator);

        await closed;
        Assert.Equal(HttpStatusCode.Unauthorized, await ItemInfoAsync(cookie, world.Item));
        Assert.StartsWith("/login", await HomePageRedirectAsync(cookie), StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => HubClients.ConnectAsync(factory, "/hubs/annotation", world.AnnotatorNames[0], QaWorld.Password));
        Assert.Empty(await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0]));
    }

    [Fact]
    public async Task An_admin_password_reset_ends_every_sign_in_of_the_user_and_only_the_new_password_signs_in()
    {
        var world = await new QaWorld(factory, "access-reset").CreateAsync("Access: reset");
        var name = world.AnnotatorNames[0];
        var cookie = await HubClients.CookieAsync(factory, name, QaWorld.Password);
        await using var hub = await world.ConnectAsync(0);
        var closed = ClosedAsync(hub);
        var admin = await factory.EnsureUserAsync(Admin, QaWorld.Password, Roles.Admin);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<ResetPasswordHandler>();
            var tooShort = await handler.HandleAsync(new ResetPassword(world.Annotators[0], "short", admin), CancellationToken.None);
            Assert.Contains("at least 8", tooShort.Errors[nameof(ResetPassword.NewPassword)], StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Gone, await ItemInfoAsync(cookie, world.Item));
            var reset = await handler.HandleAsync(new ResetPassword(world.Annotators[0], "a-new-password-1", admin), CancellationToken.None);
            Assert.True(reset.Succeeded, string.Join("; ", reset.Errors.Values));
        }

        await closed;
        Assert.Equal(HttpStatusCode.Unauthorized, await ItemInfoAsync(cookie, world.Item));
        Assert.StartsWith("/login", await HomePageRedirectAsync(cookie), StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => HubClients.CookieAsync(factory, name, QaWorld.Password));
        var fresh = await HubClients.CookieAsync(factory, name, "a-new-password-1");
        Assert.Equal(HttpStatusCode.Gone, await ItemInfoAsync(fresh, world.Item));
    }

    [Fact]
    public async Task Signing_in_records_the_users_last_sign_in()
    {
        var user = await factory.EnsureUserAsync("access-last-sign-in", QaWorld.Password, Roles.Annotator);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<LastSignIn>(user));
        }
        var before = DateTimeOffset.UtcNow;

        await HubClients.CookieAsync(factory, "access-last-sign-in", QaWorld.Password);

        await using var check = factory.Services.CreateAsyncScope();
        var last = await check.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<LastSignIn>(user);
        Assert.NotNull(last);
        Assert.InRange(last.At, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Signing_out_ends_that_sign_in_for_pages_api_and_hub_but_not_the_users_other_sign_ins()
    {
        var world = await new QaWorld(factory, "access-out").CreateAsync("Access: sign-out");
        var jar = new CookieContainer();
        using var browser = await SignIn.AsWithJarAsync(factory, world.AnnotatorNames[0], QaWorld.Password, jar);
        var stolen = SignIn.AuthCookie(factory, jar);
        var other = await HubClients.CookieAsync(factory, world.AnnotatorNames[0], QaWorld.Password);
        await using var hub = await HubClients.ConnectWithCookieAsync(factory, "/hubs/annotation", stolen);
        var closed = ClosedAsync(hub);

        // The page's sign-out form, with its antiforgery token.
        var page = await browser.GetStringAsync(new Uri("/", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page) });
        using var signedOut = await browser.PostAsync(new Uri("/account/logout", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        await closed;
        Assert.Equal(HttpStatusCode.Unauthorized, await ItemInfoAsync(stolen, world.Item));
        Assert.StartsWith("/login", await HomePageRedirectAsync(stolen), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, await ItemInfoAsync(other, world.Item));
    }

    [Fact]
    public async Task Signing_out_needs_the_pages_antiforgery_token()
    {
        var world = await new QaWorld(factory, "access-csrf").CreateAsync("Access: forged sign-out");
        using var browser = await SignIn.AsAsync(factory, world.AnnotatorNames[0], QaWorld.Password);
        using var forged = await browser.PostAsync(new Uri("/account/logout", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var still = await browser.GetAsync(new Uri($"/api/items/{world.Item}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Gone, still.StatusCode);
    }

    [Fact]
    public async Task Taking_the_annotator_role_removes_the_team_places_closes_the_hub_and_reissues_the_cookie_with_the_roles_left()
    {
        var world = await new QaWorld(factory, "access-role").CreateAsync("Access: role taken");
        var cookie = await HubClients.CookieAsync(factory, world.AnnotatorNames[0], QaWorld.Password);
        await using var hub = await world.ConnectAsync(0);
        var closed = ClosedAsync(hub);

        await ChangeAccessAsync(world.Annotators[0], disabled: false, Roles.ProjectManager);

        await closed;
        var project = await world.LoadAsync<ProjectSummary>(world.Project);
        Assert.DoesNotContain(project!.Members, m => m.UserId == world.Annotators[0]);
        // The old cookie still signs the person in, now as a project manager, and is re-issued so.
        using var client = RawClient(factory, cookie);
        using var response = await client.GetAsync(new Uri("/projects", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SignInCookie.Name + "=", StringComparison.Ordinal));
        var renewed = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(SignInCookie.Name + "=", StringComparison.Ordinal)).Split(';')[0];
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => HubClients.ConnectWithCookieAsync(factory, "/hubs/annotation", renewed));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_annotator_taken_off_the_team_cannot_label_or_submit_an_item_assigned_before()
    {
        var world = await new QaWorld(factory, "access-team").CreateAsync("Access: off the team");
        await using var hub = await world.ConnectAsync(0);
        await QaWorld.BoxAsync(hub, world.Item, 2, 2, 20, 20);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var team = world.Annotators.Skip(1).Select(a => new ProjectMember(a, ProjectRole.Annotator)).Append(new ProjectMember(world.QaLead, ProjectRole.QaLead)).ToArray();
            var result = await scope.ServiceProvider.GetRequiredService<SetProjectTeamHandler>().HandleAsync(new SetProjectTeam(world.Project, team, Guid.Empty), CancellationToken.None);
            Assert.True(result.Succeeded);
        }
        var ack = await hub.InvokeAsync<AnnotationAck>("Submit", new AnnotationCommand(Guid.NewGuid(), world.Item, "box", 1, 2, Box: new BoxShape(3, 3, 9, 9)));
        Assert.Equal(AnnotationBatch.NotYours, ack.Reason);
        Assert.Single(await TestData.AnnotationStreamAsync(factory.Services, world.Item, world.Annotators[0]));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var finish = await scope.ServiceProvider.GetRequiredService<WeakSegPortal.Core.Items.FinishItemHandler>()
                .HandleAsync(new WeakSegPortal.Core.Items.FinishItem(world.Item, world.Annotators[0], 100), CancellationToken.None);
            Assert.False(finish.Succeeded);
        }
    }

    [Fact]
    public async Task Nobody_is_annotator_and_QA_lead_of_one_project()
    {
        var person = Guid.NewGuid();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Access: blinding"));
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SetProjectTeamHandler>().HandleAsync(
            new SetProjectTeam(project, [new ProjectMember(person, ProjectRole.Annotator), new ProjectMember(person, ProjectRole.QaLead)], Guid.Empty), CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Contains("both annotator and QA lead", result.Errors.Values.Single(), StringComparison.Ordinal);
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<ProjectSummary>(project))!.Members);
    }

    [Fact]
    public async Task An_api_write_needs_the_antiforgery_header_and_gets_it_from_the_token_endpoint()
    {
        await factory.EnsureUserAsync("access-pm", QaWorld.Password, Roles.ProjectManager);
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Access: api write"));
        using var client = await SignIn.AsAsync(factory, "access-pm", QaWorld.Password);
        using var forged = await DataImport.ImportApi.PostWithoutTokenAsync(client, project, ("a.png", [1, 2, 3]));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains(ApiAntiforgery.HeaderName, await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = (await client.GetFromJsonAsync<ApiAntiforgery.Token>(new Uri(ApiAntiforgery.TokenPath, UriKind.Relative)))!;
        client.DefaultRequestHeaders.Add(token.HeaderName, token.Value);
        using var allowed = await DataImport.ImportApi.PostWithoutTokenAsync(client, project, ("a.png", [1, 2, 3]));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Open_pages_use_the_revalidating_authentication_state()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.IsType<RevalidatingAuthenticationState>(scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>());
    }
}
