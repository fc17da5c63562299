using Microsoft.Extensions.Options;
using WeakSegPortal.ML.Suggestions;

namespace WeakSegPortal.Worker;

/// <summary>
/// The engines' settings (section "Suggestions"): each SAM model names both files and a positive memory bound. Whether
/// the files are the right models is checked when they load, at start (<see cref="WorkerEngines"/>).
/// </summary>
internal sealed class SuggestionEngineOptionsValidator : IValidateOptions<SuggestionEngineOptions>
{
    public const string Section = "Suggestions";

    public ValidateOptionsResult Validate(string? name, SuggestionEngineOptions options)
    {
        var failures = new List<string>();
        if (options.EmbeddingMemoryBytes <= 0)
        {
            failures.Add("Suggestions:EmbeddingMemoryBytes must be positive.");
        }

        foreach (var (engine, model) in options.SamModels)
        {
            if (string.IsNullOrWhiteSpace(model.EncoderPath) || string.IsNullOrWhiteSpace(model.DecoderPath))
            {
                failures.Add($"Suggestions:SamModels:{engine} needs both EncoderPath and DecoderPath.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
