using System.Net;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Account;

public sealed class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_page_without_sign_in_redirects_to_the_sign_in_page()
    {
        using var client = SignIn.NewClient(factory);
        using var response = await client.GetAsync(new Uri("/projects", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_shows_the_users_name()
    {
        await SignIn.CreateUserAsync(factory, "rosa", "rosa-password", Roles.Annotator);
        using var client = await SignIn.AsAsync(factory, "rosa", "rosa-password");
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Welcome, rosa", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        await SignIn.CreateUserAsync(factory, "sam", "sam-password", Roles.Annotator);
        using var client = SignIn.NewClient(factory);
        using var response = await SignIn.PostAsync(client, "sam", "not-the-password");
        Assert.Contains("error=invalid", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var page = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("do not match", page, StringComparison.Ordinal);
        using var projects = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, projects.StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_out_even_the_right_password_for_a_while()
    {
        await SignIn.CreateUserAsync(factory, "tom", "tom-password", Roles.Annotator);
        using var client = SignIn.NewClient(factory);
        for (var i = 0; i < 5; i++)
        {
            using var failed = await SignIn.PostAsync(client, "tom", $"guess-{i}");
            Assert.Contains("error=invalid", failed.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        using var locked = await SignIn.PostAsync(client, "tom", "tom-password");
        Assert.Contains("error=throttled", locked.Headers.Location!.ToString(), StringComparison.Ordinal);
        var page = await client.GetStringAsync(locked.Headers.Location);
        Assert.Contains("Too many failed sign-ins", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        await SignIn.CreateUserAsync(factory, "uma", "uma-password", Roles.Annotator);
        using var client = SignIn.NewClient(factory);
        using var response = await SignIn.PostAsync(client, "uma", "uma-password", "//evil.example/steal");
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        await SignIn.CreateUserAsync(factory, "vic", "vic-password", Roles.Annotator);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<Marten.IDocumentSession>();
            var vic = await Marten.QueryableExtensions.SingleAsync(session.Query<UserAccount>(), u => u.UserName == "vic");
            var result = await scope.ServiceProvider.GetRequiredService<UpdateUserAccessHandler>()
                .HandleAsync(new UpdateUserAccess(vic.Id, [Roles.Annotator], Disabled: true, By: Guid.NewGuid()), CancellationToken.None);
            Assert.True(result.Succeeded);
        }
        using var client = SignIn.NewClient(factory);
        using var response = await SignIn.PostAsync(client, "vic", "vic-password");
        Assert.Contains("error=invalid", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_calls_without_sign_in_get_401_not_a_redirect()
    {
        using var client = SignIn.NewClient(factory);
        using var response = await client.GetAsync(new Uri("/api/anything", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
