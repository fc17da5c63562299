using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Account;

/// <summary>One address trying a password on many accounts is stopped, whatever the names.</summary>
public sealed class SignInSprayTests(SignInSprayTests.SprayPortal factory) : IClassFixture<SignInSprayTests.SprayPortal>
{
    [Fact]
    public async Task An_address_that_failed_on_many_accounts_is_throttled_even_for_a_right_password()
    {
        await factory.EnsureUserAsync("spray-target", "spray-password", Roles.Annotator);
        using var client = SignIn.NewClient(factory);
        for (var i = 0; i < SprayPortal.PerAddress; i++)
        {
            using var failed = await SignIn.PostAsync(client, $"account-{i}", "Winter2026!");
            Assert.Contains("error=invalid", failed.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        using var refused = await SignIn.PostAsync(client, "spray-target", "spray-password");
        Assert.Contains("error=throttled", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("retryAfter=", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The portal with a small per-address limit, so that the test needs few sign-ins.</summary>
    public sealed class SprayPortal : PortalFactory
    {
        public const int PerAddress = 8;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SignIn:MaxFailuresPerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
        }
    }
}
