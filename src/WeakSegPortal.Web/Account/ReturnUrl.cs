namespace WeakSegPortal.Web.Account;

/// <summary>Where a sign-in may send the browser afterwards: a path of this portal, nothing else.</summary>
public static class ReturnUrl
{
    public const int MaxLength = 2048;

    /// <summary>
    /// The address itself when it is a plain local path ("/…", not "//host" or "/\host", no control
    /// characters, not over-long); otherwise the home page. Never throws, whatever the form carried.
    /// </summary>
    public static string Sanitize(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/')
        {
            return "/";
        }
        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return "/";
        }
        foreach (var c in url)
        {
            // Control characters cannot go into a Location header; a backslash or a space is read as a
            // slash or dropped by some browsers, so they could make "/\t/evil.example" leave the site.
            if (char.IsControl(c) || c == '\\' || char.IsWhiteSpace(c))
            {
                return "/";
            }
        }
        return Uri.TryCreate(url, UriKind.Relative, out _) ? url : "/";
    }
}
