using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>The PACS the portal may reach over DICOMweb (section "DicomWeb").</summary>
public sealed class DicomWebOptions : IValidatableObject
{
    public const string Section = "DicomWeb";

    /// <summary>DICOMweb root (QIDO-RS and WADO-RS), e.g. http://pacs:8042/dicom-web/, offered on the import page and always allowed; empty for none.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// Further PACS hosts a manager may type on the import page: "host" (any port) or "host:port".
    /// Nothing else is ever contacted, so the import page cannot be turned into a scanner of the
    /// portal's own network.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Whether the portal may send a DICOMweb request to this URL.</summary>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.UserInfo))
        {
            return false;
        }
        if (Uri.TryCreate(BaseUrl, UriKind.Absolute, out var configured) && Authority(configured) == Authority(url))
        {
            return true;
        }
        return AllowedHosts.Any(entry => entry.Contains(':', StringComparison.Ordinal)
            ? string.Equals(entry, Authority(url), StringComparison.OrdinalIgnoreCase)
            : string.Equals(entry, url.IdnHost, StringComparison.OrdinalIgnoreCase));
    }

    private static string Authority(Uri url) => $"{url.IdnHost}:{url.Port}".ToLowerInvariant();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl.Length > 0 && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult($"DicomWeb:BaseUrl '{BaseUrl}' is not an http(s) URL.", [nameof(BaseUrl)]);
        }
        foreach (var entry in AllowedHosts)
        {
            if (Uri.CheckHostName(entry.Split(':')[0]) == UriHostNameType.Unknown || (entry.Contains(':', StringComparison.Ordinal) && !int.TryParse(entry.Split(':')[1], out _)))
            {
                yield return new ValidationResult($"DicomWeb:AllowedHosts: '{entry}' is not a host or host:port.", [nameof(AllowedHosts)]);
            }
        }
    }
}
