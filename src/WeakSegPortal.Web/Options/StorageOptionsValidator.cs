using Microsoft.Extensions.Options;

namespace WeakSegPortal.Web.Options;

/// <summary>Creates the blob folder at start, so that a read-only or impossible path stops the portal with a message.</summary>
internal sealed class StorageOptionsValidator(IHostEnvironment environment) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Root))
        {
            return ValidateOptionsResult.Skip; // [Required] reports it.
        }
        var root = options.ResolveRoot(environment.ContentRootPath);
        try
        {
            Directory.CreateDirectory(root);
            var probe = Path.Combine(root, $".probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ValidateOptionsResult.Fail($"Storage:Root {root} cannot be written: {e.Message}");
        }
    }
}
