using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Training;

/// <summary>Training settings are checked at start: a lease or blob cap out of range stops the portal with a message naming it.</summary>
public sealed class TrainingSettingsStartupTests
{
    [Fact]
    public async Task A_lease_of_a_second_stops_the_portal()
    {
        var error = await StartupFailure.OfAsync(("Training:LeaseSeconds", "1"));

        Assert.Contains("LeaseSeconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_cap_below_a_kilobyte_stops_the_portal()
    {
        var error = await StartupFailure.OfAsync(("Training:MaxBlobBytes", "10"));

        Assert.Contains("MaxBlobBytes", error.Message, StringComparison.Ordinal);
    }
}
