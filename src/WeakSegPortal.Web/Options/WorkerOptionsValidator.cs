using Microsoft.Extensions.Options;

namespace WeakSegPortal.Web.Options;

/// <summary>Refuses short or blank worker tokens at start, naming which (by position, never by value).</summary>
internal sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var weak = options.Tokens.Select((t, i) => (t, i)).Where(x => string.IsNullOrWhiteSpace(x.t) || x.t.Trim().Length < WorkerOptions.MinTokenLength).Select(x => x.i).ToList();
        return weak.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Workers:Tokens {string.Join(", ", weak)} must be at least {WorkerOptions.MinTokenLength} characters (a random secret).");
    }
}
