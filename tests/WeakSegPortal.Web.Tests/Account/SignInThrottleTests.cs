using System.Net;
using Microsoft.Extensions.Time.Testing;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Options;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Account;

/// <summary>The throttle's memory stays bounded and its limits hold per user and per address.</summary>
public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private SignInThrottle Throttle(int maxKeys = 100, int perAddress = 30) => new(Microsoft.Extensions.Options.Options.Create(new SignInThrottleOptions
    {
        MaxFailures = 5,
        Window = TimeSpan.FromMinutes(5),
        MaxFailuresPerAddress = perAddress,
        AddressWindow = TimeSpan.FromMinutes(15),
        MaxTrackedKeys = maxKeys,
    }), _clock);

    [Fact]
    public void Expired_entries_are_evicted_once_their_window_has_passed()
    {
        var throttle = Throttle();
        for (var i = 0; i < 20; i++)
        {
            throttle.RecordFailure($"user{i}", IPAddress.Parse($"10.0.0.{i}"));
        }
        Assert.Equal(40, throttle.TrackedKeys);
        _clock.Advance(TimeSpan.FromMinutes(16));
        throttle.RecordFailure("late", IPAddress.Parse("10.0.1.1"));
        Assert.Equal(2, throttle.TrackedKeys);
    }

    [Fact]
    public void A_flood_of_distinct_names_keeps_the_throttle_within_its_bound()
    {
        var throttle = Throttle(maxKeys: 100, perAddress: 100_000);
        for (var i = 0; i < 10_000; i++)
        {
            throttle.RecordFailure($"name-{i}", IPAddress.Parse($"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}"));
            Assert.True(throttle.TrackedKeys <= 2 * 101, $"{throttle.TrackedKeys} keys after {i + 1} failures");
        }
    }

    [Fact]
    public void Checking_a_name_that_never_failed_stores_nothing()
    {
        var throttle = Throttle();
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.RetryAfter($"never-{i}", IPAddress.Loopback));
        }
        Assert.Equal(0, throttle.TrackedKeys);
    }

    [Fact]
    public void Many_names_from_one_address_are_stopped_and_a_success_does_not_clear_the_address()
    {
        var throttle = Throttle(perAddress: 30);
        var address = IPAddress.Parse("192.0.2.7");
        for (var i = 0; i < 29; i++)
        {
            throttle.RecordFailure($"victim-{i}", address);
        }
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("someone", address));
        throttle.RecordSuccess("victim-0", address);
        throttle.RecordFailure("victim-29", address);
        var wait = throttle.RetryAfter("someone-else", address);
        Assert.InRange(wait, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("someone-else", IPAddress.Parse("192.0.2.8")));
        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("someone-else", address));
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1", true)]
    [InlineData("192.0.2.1", "192.0.2.2", false)]
    public void IPv6_addresses_count_by_their_64_bit_network(string first, string second, bool together)
    {
        Assert.Equal(together, SignInThrottle.Network(IPAddress.Parse(first)) == SignInThrottle.Network(IPAddress.Parse(second)));
        var throttle = Throttle(perAddress: 6);
        for (var i = 0; i < 6; i++)
        {
            throttle.RecordFailure($"n{i}", IPAddress.Parse(first));
        }
        Assert.Equal(together, throttle.RetryAfter("other", IPAddress.Parse(second)) > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_per_address_limit_below_the_per_user_limit_stops_the_start()
    {
        var error = await StartupFailure.OfAsync(("SignIn:MaxFailures", "10"), ("SignIn:MaxFailuresPerAddress", "3"));
        Assert.Contains("SignIn:MaxFailuresPerAddress (3) must be at least SignIn:MaxFailures (10)", error.Message, StringComparison.Ordinal);
    }
}
