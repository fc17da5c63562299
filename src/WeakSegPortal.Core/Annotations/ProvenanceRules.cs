using System.Text;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// What a command's provenance must hold (docs/suggestion-protocol.md): absent means manual; a
/// label taken from a suggestion (or propagated from a neighbouring slice) names its engine, model version,
/// suggestion and object, within size caps; an interpolated box needs no engine. The browser applies the same rules in the same words (wwwroot/src/validation.js).
/// </summary>
public static class ProvenanceRules
{
    public const int MaxNameLength = 64;
    public const int MaxPromptBytes = 16 * 1024;

    public static string? Problem(Provenance? provenance)
    {
        if (provenance is null)
        {
            return null;
        }
        if (!Provenance.IsKnown(provenance.Source))
        {
            return UnknownSource;
        }
        if (!provenance.IsEngineMade)
        {
            return PromptProblem(provenance);
        }
        if (string.IsNullOrWhiteSpace(provenance.Engine) || string.IsNullOrWhiteSpace(provenance.ModelVersion)
            || provenance.SuggestionId is null || provenance.SuggestionId == Guid.Empty
            || provenance.ObjectId is null || provenance.ObjectId == Guid.Empty)
        {
            return "A suggestion's provenance needs engine, modelVersion, suggestionId and objectId.";
        }
        if (provenance.Engine.Length > MaxNameLength || provenance.ModelVersion.Length > MaxNameLength)
        {
            return $"The provenance's engine and modelVersion are at most {MaxNameLength} characters.";
        }
        return PromptProblem(provenance);
    }

    /// <summary>The sentence for a source outside <see cref="Provenance.Sources"/>.</summary>
    public static readonly string UnknownSource = $"Provenance source must be one of {string.Join(", ", Provenance.Sources.Select(s => $"\"{s}\""))}.";

    private static string? PromptProblem(Provenance provenance) =>
        provenance.Prompt is { } prompt && Encoding.UTF8.GetByteCount(prompt) > MaxPromptBytes
            ? $"The suggestion's prompt is larger than {MaxPromptBytes / 1024} KB."
            : null;

    /// <summary>The provenance to store with an accepted command: an assisted one as sent, anything else manual.</summary>
    public static Provenance Stored(Provenance? provenance) =>
        provenance is { IsAssisted: true } && Provenance.IsKnown(provenance.Source) ? provenance : Provenance.Manual;
}
