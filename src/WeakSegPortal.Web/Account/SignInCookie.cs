namespace WeakSegPortal.Web.Account;

/// <summary>The sign-in cookie's name and lifetime, read by its set-up and by sign-out (an ended session is remembered that long).</summary>
public static class SignInCookie
{
    public const string Name = "weakseg.auth";

    /// <summary>Sliding: each request renews it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
}
