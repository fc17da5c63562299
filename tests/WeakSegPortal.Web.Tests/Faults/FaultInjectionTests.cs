using Xunit.Abstractions;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>
/// The short fault-injection run of the test command (the full one is `bash infra/bench.sh faults`):
/// 20 annotators through real SignalR clients with the browser's outbox semantics, while the portal
/// (a child process) is killed and restarted, PostgreSQL restarted and every connection cut, once each.
/// Asserts correctness only; the times go to the output.
/// </summary>
public sealed class FaultInjectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_label_is_lost_or_stored_twice_when_the_portal_the_database_and_the_network_fail()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        using var run = new FaultRun(new FaultRunOptions
        {
            Annotators = 20,
            Rounds = 1,
            Gap = TimeSpan.FromSeconds(2),
            ThinkTime = TimeSpan.FromMilliseconds(250),
            MidCallCutEvery = TimeSpan.FromMilliseconds(700),
            // The browser's backoff, capped lower so that a loaded box does not wait 30 s between tries.
            Timing = OutboxTiming.Browser with { ReconnectCap = TimeSpan.FromSeconds(2), ResendCap = TimeSpan.FromSeconds(2) },
            PostgresSettings = ["fsync=off", "full_page_writes=off"],
            RecoveryLimit = TimeSpan.FromSeconds(120),
            Log = Say,
        });
        var report = await run.RunAsync(limit.Token);
        Say(report.Describe());

        Assert.True(report.Sent > 100, $"Only {report.Sent} commands were made.");
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicated);
        Assert.Equal(0, report.StillPending);
        Assert.Equal(0, report.RefusedButStored);
        Assert.Equal(0, report.UnexpectedRefusals);
        Assert.Equal(0, report.WrongAnnotationId);
        Assert.Equal(0, report.OutOfOrder);
        Assert.Equal(0, report.PortalDeaths);
        // A connection dropped mid-call is no error of the portal's (HubErrorFilter): it must not flood the log as one.
        Assert.DoesNotContain(report.PortalLogErrors.Keys, k => k.Contains("Failed to invoke hub method", StringComparison.Ordinal) && k.Contains("Canceled", StringComparison.Ordinal));
        Assert.Equal(report.Sent, report.Stored + report.Refused);
        Assert.True(report.Refused > 0, "The boxes outside the image should have been refused.");
        Assert.True(report.Resent > 0, "No command was resent: the faults did not hit any call.");
        Assert.All(report.Faults, f => Assert.NotEqual(TimeSpan.MaxValue, f.AllAnnotatorsBack));
    }

    private void Say(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // A log line from a background task after the test ended.
        }
    }
}
