using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WeakSegPortal.Web.Options;

/// <summary>Refuses a Redis connection string StackExchange.Redis cannot parse or that names no server, at start.</summary>
internal sealed class BackplaneOptionsValidator : IValidateOptions<BackplaneOptions>
{
    public ValidateOptionsResult Validate(string? name, BackplaneOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }
        try
        {
            var parsed = ConfigurationOptions.Parse(options.ConnectionString!);
            return parsed.EndPoints.Count == 0
                ? ValidateOptionsResult.Fail("Redis:ConnectionString names no server (expected host:port).")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"Redis:ConnectionString is not a valid Redis configuration: {e.Message}");
        }
    }
}
