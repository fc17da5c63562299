namespace WeakSegPortal.Web.DataImport;

/// <summary>Turns a name a browser or script sent into a safe path inside the staging folder, or says why it cannot.</summary>
internal static class UploadName
{
    private const int MaxLength = 400;

    /// <summary>The '/'-separated relative path to stage the file under, or null with <paramref name="refusal"/> set.</summary>
    public static string? ToRelativePath(string? name, out string? refusal)
    {
        refusal = null;
        var parts = (name ?? "").Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        if (parts.Count == 0)
        {
            refusal = "The file has no name.";
        }
        else if (parts.Contains(".."))
        {
            refusal = "The file name leaves the upload folder (..).";
        }
        else if (parts.Any(p => p.Any(char.IsControl)) || (name ?? "").Length > MaxLength)
        {
            refusal = "The file name is not usable (control characters or too long).";
        }
        else if ((name ?? "").StartsWith('/') || parts[0].EndsWith(':'))
        {
            refusal = "The file name is an absolute path.";
        }
        return refusal is null ? string.Join('/', parts) : null;
    }

    /// <summary>A sent name as the report may show and store it: control characters (which the event store's JSON cannot hold) as '?', at most 400 characters.</summary>
    public static string Printable(string? name)
    {
        var text = string.Concat((name ?? "").Select(c => char.IsControl(c) ? '?' : c));
        return text.Length > MaxLength ? text[..MaxLength] + "…" : text;
    }
}
