using Microsoft.Extensions.Logging.Abstractions;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Tests.Qa;

public sealed class AgreementNotifierTests
{
    private static readonly AgreementChanged Change = new([Guid.NewGuid()], [Guid.NewGuid()], DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Listeners_hear_changes_until_they_dispose_and_a_failing_one_does_not_stop_the_others()
    {
        var notifier = new AgreementNotifier(NullLogger<AgreementNotifier>.Instance);
        var heard = new List<string>();
        using var broken = notifier.Subscribe(_ => throw new InvalidOperationException("page gone"));
        var first = notifier.Subscribe(_ => { heard.Add("first"); return Task.CompletedTask; });
        using var second = notifier.Subscribe(_ => { heard.Add("second"); return Task.CompletedTask; });

        await notifier.NotifyAsync(Change);
        first.Dispose();
        await notifier.NotifyAsync(Change);

        Assert.Equal(["first", "second", "second"], heard);
    }
}
