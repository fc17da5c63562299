namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// How a label came about: drawn by hand ("manual"); accepted from a suggestion ("suggestion": the engine, its
/// model version, the prompt as JSON, and which suggestion of which suggested object it was, so that
/// <c>SuggestionAccepted</c> lands in that object's stream); accepted from a propagation across slices
/// ("propagated": the same fields, the suggestion made on a neighbouring slice from the previous slice's mask);
/// or accepted from a box interpolated between two boxes ("interpolated": the prompt names the two key boxes).
/// <see cref="Sources"/> is the one list of sources: every consumer (rules, exports, QA, training) is tested against it.
/// </summary>
public sealed record Provenance(string Source, string? Engine = null, string? ModelVersion = null, string? Prompt = null, Guid? SuggestionId = null, Guid? ObjectId = null)
{
    public const string ManualSource = "manual";
    public const string SuggestionSource = "suggestion";
    public const string PropagatedSource = "propagated";
    public const string InterpolatedSource = "interpolated";

    /// <summary>Every source a label may have (wwwroot/test/provenance-sources.json holds the browser to the same list).</summary>
    public static readonly IReadOnlyList<string> Sources = [ManualSource, SuggestionSource, PropagatedSource, InterpolatedSource];

    public static readonly Provenance Manual = new(ManualSource);

    /// <summary>Whether the label was taken from a suggestion on its own slice rather than drawn by hand.</summary>
    public bool IsSuggestion => string.Equals(Source, SuggestionSource, StringComparison.Ordinal);

    /// <summary>Whether an engine made the label (a suggestion, or one propagated from a neighbouring slice): it names engine, version, suggestion and object.</summary>
    public bool IsEngineMade => IsSuggestion || string.Equals(Source, PropagatedSource, StringComparison.Ordinal);

    /// <summary>Whether anything but the annotator's hand made it (QA counts these as assisted).</summary>
    public bool IsAssisted => !string.Equals(Source, ManualSource, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="source"/> is one of <see cref="Sources"/>.</summary>
    public static bool IsKnown(string? source) => source is not null && Sources.Contains(source, StringComparer.Ordinal);
}
