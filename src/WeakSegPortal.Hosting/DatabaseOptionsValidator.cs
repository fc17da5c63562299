using Microsoft.Extensions.Options;
using Npgsql;

namespace WeakSegPortal.Hosting;

/// <summary>Refuses a connection string Npgsql cannot parse, at start rather than at first query.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Skip; // [Required] reports it.
        }
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrEmpty(parsed.Host)
                ? ValidateOptionsResult.Fail("Database:ConnectionString names no Host.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"Database:ConnectionString is not a valid PostgreSQL connection string: {e.Message}");
        }
    }
}
