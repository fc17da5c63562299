namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// How a label came about: drawn by hand ("manual"), or accepted from a suggestion ("suggestion":
/// the engine, its model version, the prompt as JSON, and which suggestion of which suggested
/// object it was, so that <c>SuggestionAccepted</c> lands in that object's stream).
/// </summary>
public sealed record Provenance(string Source, string? Engine = null, string? ModelVersion = null, string? Prompt = null, Guid? SuggestionId = null, Guid? ObjectId = null)
{
    public const string ManualSource = "manual";
    public const string SuggestionSource = "suggestion";

    public static readonly Provenance Manual = new(ManualSource);

    /// <summary>Whether the label was taken from a suggestion rather than drawn by hand.</summary>
    public bool IsSuggestion => string.Equals(Source, SuggestionSource, StringComparison.Ordinal);
}
