using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Account;

/// <summary>Whatever a sign-in form carries, it costs the portal nothing and never answers 500.</summary>
public sealed class SignInInputTests(SignInInputTests.LoggingPortal factory) : IClassFixture<SignInInputTests.LoggingPortal>
{
    [Fact]
    public async Task An_over_long_user_name_is_refused_with_a_message_and_is_neither_logged_nor_tracked()
    {
        var name = new string('q', 300);
        var throttle = factory.Services.GetRequiredService<SignInThrottle>();
        var before = throttle.TrackedKeys;
        using var client = SignIn.NewClient(factory);
        using var response = await SignIn.PostAsync(client, name, "whatever");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("error=too-long", location, StringComparison.Ordinal);
        Assert.DoesNotContain("qqqq", location, StringComparison.Ordinal);
        var page = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("User names have at most 256 characters", page, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains("qqqq", StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Entries, e => e.Message.Contains("over-long fields (user name 300", StringComparison.Ordinal));
        // Only the address is counted, not a key per name.
        Assert.True(throttle.TrackedKeys <= before + 1);
    }

    [Fact]
    public async Task A_two_million_character_user_name_is_refused_before_it_is_read()
    {
        var keys = factory.Services.GetRequiredService<SignInThrottle>().TrackedKeys;
        using var client = SignIn.NewClient(factory);
        using var response = await SignIn.PostAsync(client, new string('z', 2_000_000), "whatever");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains("zzzz", StringComparison.Ordinal));
        Assert.Equal(keys, factory.Services.GetRequiredService<SignInThrottle>().TrackedKeys);
    }

    [Fact]
    public async Task The_login_page_offers_fields_no_longer_than_the_server_accepts()
    {
        using var client = SignIn.NewClient(factory);
        var page = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        Assert.Contains("maxlength=\"256\"", page, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"1024\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/projects\u0001")]
    [InlineData("/\u0000")]
    [InlineData("/qa\r\nSet-Cookie: x=1")]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_address_that_is_not_a_plain_local_path_leads_home(string returnUrl)
    {
        await factory.EnsureUserAsync("ret-user", "ret-password", Roles.Annotator);
        using var client = SignIn.NewClient(factory);
        using var signedIn = await SignIn.PostAsync(client, "ret-user", "ret-password", returnUrl);
        if (returnUrl.Contains('\0', StringComparison.Ordinal))
        {
            // The framework's form reader refuses a NUL outright (400): never a server error.
            Assert.Equal(HttpStatusCode.BadRequest, signedIn.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.ToString());

        using var other = SignIn.NewClient(factory);
        using var failed = await SignIn.PostAsync(other, "ret-user", "wrong-password", returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        Assert.EndsWith("returnUrl=%2F", failed.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var page = await other.GetAsync(new Uri("/login?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"returnUrl\" value=\"/\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_return_address_is_kept()
    {
        await factory.EnsureUserAsync("ret-user", "ret-password", Roles.Annotator);
        using var client = SignIn.NewClient(factory);
        using var signedIn = await SignIn.PostAsync(client, "ret-user", "ret-password", "/qa/items?project=1");
        Assert.Equal("/qa/items?project=1", signedIn.Headers.Location!.ToString());
    }

    public static TheoryData<string, string, string> BadForms => new()
    {
        { "no antiforgery token", "application/x-www-form-urlencoded", "userName=a&password=b" },
        { "JSON instead of a form", "application/json", "{\"userName\":\"a\",\"password\":\"b\"}" },
        { "no content type", "", "userName=a&password=b" },
        { "broken percent escapes", "application/x-www-form-urlencoded", "__RequestVerificationToken=TOKEN&userName=%zz%&password=%" },
        { "control characters everywhere", "application/x-www-form-urlencoded", "__RequestVerificationToken=TOKEN&userName=%00%01%0d%0a&password=%00&returnUrl=%2f%00%0d%0a" },
        { "repeated fields", "application/x-www-form-urlencoded", "__RequestVerificationToken=TOKEN&userName=a&userName=b&password=c&password=d&returnUrl=/a&returnUrl=/b" },
        { "too many fields", "application/x-www-form-urlencoded", "__RequestVerificationToken=TOKEN&" + string.Join("&", Enumerable.Range(0, 50).Select(i => $"f{i}=v")) },
        { "a multipart body", "multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition: form-data; name=\"userName\"\r\n\r\n" + new string('m', 40_000) + "\r\n--XX--\r\n" },
        { "a huge field name", "application/x-www-form-urlencoded", "__RequestVerificationToken=TOKEN&" + new string('k', 20_000) + "=v" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_malformed_sign_in_post_is_answered_without_a_server_error(string what, string contentType, string body)
    {
        using var client = SignIn.NewClient(factory);
        var token = SignIn.AntiforgeryToken(await client.GetStringAsync(new Uri("/login", UriKind.Relative)));
        using var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body.Replace("TOKEN", Uri.EscapeDataString(token), StringComparison.Ordinal)));
        if (contentType.Length > 0)
        {
            content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        Assert.True((int)response.StatusCode is >= 300 and < 500, $"{what}: {(int)response.StatusCode}");
    }

    /// <summary>The portal with every log entry kept.</summary>
    public sealed class LoggingPortal : PortalFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
