using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Suggestions;

/// <summary>
/// The portal with one worker token, every log entry kept, and a job timeout far beyond any test's wait: an answer
/// that arrives after a worker dropped came from the retry, never from the timeout.
/// </summary>
public class SuggestionPortal : PortalFactory
{
    public const string Token = "worker-test-token-0123456789";

    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra settings of a derived portal.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Workers:Tokens:0"] = Token,
            ["Suggestions:JobTimeout"] = "00:05:00",
        };
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
