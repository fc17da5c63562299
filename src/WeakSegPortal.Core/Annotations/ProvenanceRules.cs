using System.Text;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// What a command's provenance must hold (docs/suggestion-protocol.md): absent means manual; a
/// label taken from a suggestion names its engine, model version, suggestion and object, within
/// size caps. The browser applies the same rules in the same words (wwwroot/src/validation.js).
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
        if (provenance.Source is not (Provenance.ManualSource or Provenance.SuggestionSource))
        {
            return "Provenance source must be \"manual\" or \"suggestion\".";
        }
        if (!provenance.IsSuggestion)
        {
            return null;
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
        return provenance.Prompt is { } prompt && Encoding.UTF8.GetByteCount(prompt) > MaxPromptBytes
            ? $"The suggestion's prompt is larger than {MaxPromptBytes / 1024} KB."
            : null;
    }

    /// <summary>The provenance to store with an accepted command: a suggestion's as sent, anything else manual.</summary>
    public static Provenance Stored(Provenance? provenance) =>
        provenance is { IsSuggestion: true } ? provenance : Provenance.Manual;
}
