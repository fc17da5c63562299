namespace WeakSegPortal.Web.Account;

/// <summary>What a password an admin sets must be, for a new user and for a reset alike.</summary>
public static class PasswordRule
{
    public const int MinLength = 8;

    /// <summary>The longest password a sign-in accepts by default (SignIn:MaxPasswordLength may only raise it).</summary>
    public const int MaxLength = 1024;

    /// <summary>Why the password cannot be used, or null when it can.</summary>
    public static string? Check(string password) => password.Length switch
    {
        < MinLength => $"Use at least {MinLength} characters.",
        > MaxLength => $"Use at most {MaxLength} characters.",
        _ => null,
    };
}
