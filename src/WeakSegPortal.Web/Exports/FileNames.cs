namespace WeakSegPortal.Web.Exports;

/// <summary>A name that is safe as a download's file name: letters, digits, '-' and '_' only.</summary>
public static class FileNames
{
    public static string Safe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]).Trim('-');
        return safe.Length == 0 ? "project" : safe[..Math.Min(safe.Length, 60)];
    }
}
