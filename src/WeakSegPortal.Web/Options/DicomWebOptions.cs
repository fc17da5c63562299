using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>The PACS offered by default on the import page (section "DicomWeb").</summary>
public sealed class DicomWebOptions : IValidatableObject
{
    public const string Section = "DicomWeb";

    /// <summary>DICOMweb root (QIDO-RS and WADO-RS), e.g. http://pacs:8042/dicom-web/; empty for none.</summary>
    public string BaseUrl { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl.Length > 0 && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult($"DicomWeb:BaseUrl '{BaseUrl}' is not an http(s) URL.", [nameof(BaseUrl)]);
        }
    }
}
