using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using WeakSegPortal.Web.Tests.Suggestions;

namespace WeakSegPortal.Web.Tests.Training;

/// <summary>
/// The portal with a worker token, a small blob cap (64 KiB, so the cap is testable) and a clock the test moves forward
/// (<see cref="Clock"/>): a lease lapses when the test says so, never by waiting.
/// </summary>
public sealed class TrainingPortal : SuggestionPortal
{
    public const int MaxBlobBytes = 64 * 1024;
    public const int LeaseSeconds = 60;

    public MovableClock Clock { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Training:MaxBlobBytes"] = MaxBlobBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Training:LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
