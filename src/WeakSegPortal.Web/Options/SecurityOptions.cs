using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>Who may talk to the portal from a browser page that is not the portal's own.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string Section = "Security";

    /// <summary>
    /// Origins (scheme://host[:port]) besides the portal's own whose pages may open its hubs and
    /// Blazor circuit, e.g. a viewer served from another host. Empty: only the portal's own pages.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.GetLeftPart(UriPartial.Authority).TrimEnd('/') != origin.TrimEnd('/'))
            {
                yield return new ValidationResult($"Security:AllowedOrigins: \"{origin}\" is not an origin like https://viewer.example.org (scheme, host and port only).", [nameof(AllowedOrigins)]);
            }
        }
    }
}
