using WeakSegPortal.Core.Projects;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>
/// Which engine answers a prompt: the one the request names, else the project's, else the portal's default
/// (Suggestions:DefaultEngine), else by the prompt (<see cref="SuggestionEngineNames.Resolve"/>: a prompt with a box goes to GrabCut, one
/// without to seeded GrabCut).
/// </summary>
public static class SuggestionEngineChoice
{
    /// <summary>The engine a project (or the portal) names, before any prompt: the one whose embeddings are worth computing ahead.</summary>
    public static string? Configured(string? projectEngine, string? defaultEngine) => NonBlank(projectEngine) ?? NonBlank(defaultEngine);

    public static string For(string? requested, string? projectEngine, string? defaultEngine, WirePrompt prompt) =>
        NonBlank(requested) ?? NonBlank(projectEngine) ?? NonBlank(defaultEngine) ?? ByPrompt(prompt);

    /// <summary>The classical engine for this prompt: also the fallback when a worker's engine cannot be reached.</summary>
    public static string ByPrompt(WirePrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return SuggestionEngineNames.Resolve(null, prompt.Box is not null);
    }

    private static string? NonBlank(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
}
