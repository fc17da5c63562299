using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>Sign-in throttling and the size of what a sign-in may carry (section "SignIn").</summary>
public sealed class SignInThrottleOptions : IValidatableObject
{
    public const string Section = "SignIn";

    /// <summary>Failed sign-ins allowed per user name and address within <see cref="Window"/>.</summary>
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Failed sign-ins allowed from one address (IPv6: its /64) within <see cref="AddressWindow"/>,
    /// whatever the user names: one address trying one password on many accounts (spraying).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxFailuresPerAddress { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The most user-name × address and address entries the throttle keeps, each; past it, expired
    /// entries go first, then the longest-quiet ones, so memory stays bounded under a flood.
    /// </summary>
    [Range(100, 10_000_000)]
    public int MaxTrackedKeys { get; set; } = 100_000;

    /// <summary>Longest user name a sign-in may carry (longer is refused before the throttle and the log see it).</summary>
    [Range(1, 4096)]
    public int MaxUserNameLength { get; set; } = 256;

    /// <summary>Longest password a sign-in may carry; at least what user creation allows.</summary>
    [Range(Account.PasswordRule.MaxLength, 8192)]
    public int MaxPasswordLength { get; set; } = 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxFailuresPerAddress < MaxFailures)
        {
            yield return new ValidationResult(
                $"SignIn:MaxFailuresPerAddress ({MaxFailuresPerAddress}) must be at least SignIn:MaxFailures ({MaxFailures}).",
                [nameof(MaxFailuresPerAddress)]);
        }
    }
}
