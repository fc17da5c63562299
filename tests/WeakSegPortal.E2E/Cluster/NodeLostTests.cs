using Xunit.Abstractions;
using WeakSegPortal.Web.Tests.Faults;

namespace WeakSegPortal.E2E.Cluster;

/// <summary>
/// Issue 12's "a node lost, nothing lost", in the test command (the full run, with its figures, is
/// `bash infra/bench.sh cluster`): two web nodes behind Debian's nginx, Redis, PostgreSQL, a worker, 12 simulated
/// annotators and one real browser; the node that runs the daemon and has the browser killed, Redis restarted.
/// Asserts that every command was stored exactly once and that everything came back; the times go to the output.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class NodeLostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Labels_sent_through_the_balancer_are_stored_exactly_once_when_a_node_the_daemon_node_and_redis_go_down()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var run = new NodeLostRun(new NodeLostOptions
        {
            Annotators = 12,
            ThinkTime = TimeSpan.FromMilliseconds(300),
            Gap = TimeSpan.FromSeconds(1.5),
            // One kill, of the node that runs the daemon and has the browser (bench.sh cluster kills both nodes in turn).
            KillBothNodes = false,
            // The browser's backoff, capped lower so that a loaded box does not wait 30 s between tries.
            Timing = OutboxTiming.Browser with { ReconnectCap = TimeSpan.FromSeconds(2), ResendCap = TimeSpan.FromSeconds(2) },
            PostgresSettings = ["fsync=off", "full_page_writes=off"],
            RecoveryLimit = TimeSpan.FromSeconds(60),
            Log = Say,
        });
        var report = await run.RunAsync(limit.Token);
        Say(report.Describe());

        var ledger = report.Ledger;
        Assert.True(ledger.Sent > 50, $"Only {ledger.Sent} commands were made.");
        Assert.Equal(0, ledger.Lost);
        Assert.Equal(0, ledger.Duplicated);
        Assert.Equal(0, ledger.StillPending);
        Assert.Equal(0, ledger.RefusedButStored);
        Assert.Equal(0, ledger.UnexpectedRefusals);
        Assert.Equal(0, ledger.WrongAnnotationId);
        Assert.Equal(0, ledger.OutOfOrder);
        Assert.Equal(0, ledger.PortalDeaths);
        Assert.Equal(ledger.Sent, ledger.Stored + ledger.Refused);
        Assert.True(ledger.Refused > 0, "The boxes outside the image should have been refused.");
        Assert.Equal(2, report.Faults.Count);
        // Some annotators were on the killed node: they had to come back through the balancer to the other one.
        Assert.True(report.Faults[0].Reconnected > 0, "Nobody was on the killed node.");
        Assert.All(report.Faults, f => Assert.NotEqual(TimeSpan.MaxValue, f.Recovered));
        Assert.NotNull(report.Faults[0].AgreementResumed);
        Assert.NotNull(report.Faults[1].BackplaneBack);
        // The browser: every label it saw saved is stored once (one per fault, one before and one after a reload).
        Assert.Equal(4, report.BrowserSaved);
        Assert.Equal(report.BrowserSaved, report.BrowserStored);
        Assert.Equal(report.BrowserSaved, report.BrowserStoredIds);
        Assert.Empty(report.BrowserErrors);
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
