using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Suggestions;

/// <summary>Worker and suggestion settings are checked at start: a guessable token or an impossible timeout stops the portal with a message.</summary>
public sealed class SuggestionSettingsStartupTests
{
    [Fact]
    public async Task A_short_worker_token_stops_the_portal_and_the_message_names_it_by_position_not_by_value()
    {
        var error = await StartupFailure.OfAsync(("Workers:Tokens:0", "long-enough-worker-token-1"), ("Workers:Tokens:1", "short-secret"));

        Assert.Contains("Workers:Tokens 1 must be at least 16 characters", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_timeout_of_zero_stops_the_portal()
    {
        var error = await StartupFailure.OfAsync(("Suggestions:JobTimeout", "00:00:00"));

        Assert.Contains("JobTimeout", error.Message, StringComparison.Ordinal);
    }
}
