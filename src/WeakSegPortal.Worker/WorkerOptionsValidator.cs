using Microsoft.Extensions.Options;

namespace WeakSegPortal.Worker;

/// <summary>What the attributes cannot say: the server URL is absolute http(s), and the reconnect delays are in order.</summary>
internal sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ServerUrl)
            && !(Uri.TryCreate(options.ServerUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"Worker:ServerUrl '{options.ServerUrl}' is not an absolute http(s) URL.");
        }

        if (options.MaxReconnectDelay < options.ReconnectDelay)
        {
            failures.Add("Worker:MaxReconnectDelay is shorter than Worker:ReconnectDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
