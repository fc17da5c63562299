using System.Net;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Account;

/// <summary>
/// Counts failed sign-ins per user name and client address, and per address alone (against one
/// password tried on many accounts), in sliding windows; past either limit, even a correct password
/// is refused until the window has passed, so guessing stays slow. Bounded in memory (see <see cref="FailureWindows"/>).
/// </summary>
public sealed class SignInThrottle
{
    private readonly FailureWindows _perUser;
    private readonly FailureWindows _perAddress;

    public SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _perUser = new FailureWindows(o.MaxFailures, o.Window, o.MaxTrackedKeys, clock);
        _perAddress = new FailureWindows(o.MaxFailuresPerAddress, o.AddressWindow, o.MaxTrackedKeys, clock);
    }

    /// <summary>Keys held now (user name × address, and addresses), for tests and diagnostics.</summary>
    public int TrackedKeys => _perUser.Count + _perAddress.Count;

    /// <summary>How long the caller must wait before trying again; zero when a try is allowed.</summary>
    public TimeSpan RetryAfter(string userName, IPAddress? address)
    {
        var network = Network(address);
        var user = _perUser.RetryAfter(Key(userName, network));
        var any = _perAddress.RetryAfter(network);
        return user > any ? user : any;
    }

    public void RecordFailure(string userName, IPAddress? address)
    {
        var network = Network(address);
        _perUser.RecordFailure(Key(userName, network));
        _perAddress.RecordFailure(network);
    }

    /// <summary>A failure that names no account (e.g. an over-long field): it counts against the address only.</summary>
    public void RecordAddressFailure(IPAddress? address) => _perAddress.RecordFailure(Network(address));

    /// <summary>A success clears the user's count, not the address's: one good account must not whitewash a spray.</summary>
    public void RecordSuccess(string userName, IPAddress? address) => _perUser.Forget(Key(userName, Network(address)));

    /// <summary>
    /// What one client is counted as: an IPv4 address as it is, an IPv6 address by its /64, the
    /// smallest network a home or a cloud host is usually given, so that rotating within it does not help.
    /// </summary>
    public static string Network(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private static string Key(string userName, string network) => $"{UserAccount.Normalize(userName)}|{network}";
}
