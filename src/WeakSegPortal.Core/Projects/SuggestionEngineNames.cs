namespace WeakSegPortal.Core.Projects;

/// <summary>
/// The suggestion engines a project manager may pick for a project, by name (the names the engines
/// register under, WeakSegPortal.ML's EngineKinds). The one list the project editor offers and
/// <see cref="ProjectDraftValidator"/> holds drafts to. Workers announce further engines
/// (docs/suggestion-protocol.md): <see cref="Choices"/> joins their names to the classical ones, and a
/// project may name any well-formed engine name — one that no worker offers at the moment of a prompt
/// gets "No worker offers 'x' right now." then.
/// </summary>
public static class SuggestionEngineNames
{
    private const int MaxNameLength = 64;

    /// <summary>Picks by prompt: a prompt with a box goes to GrabCut, one without to seeded GrabCut (<see cref="Resolve"/>).</summary>
    public const string Auto = "auto";
    public const string GrabCutBox = "grabcut-box";
    public const string GrabCutSeeded = "grabcut-seeded";

    /// <summary>The project's promoted model (docs/training-protocol.md): offered only once the project has one.</summary>
    public const string ProjectModel = "project-model";

    /// <summary>The refusals of <see cref="ProjectModel"/> without a promoted model.</summary>
    public const string NoPromotedModel = "This project has no promoted model yet.";

    /// <summary>A project that never chose one uses this.</summary>
    public const string Default = Auto;

    /// <summary>Every name a project may choose, the default first.</summary>
    public static IReadOnlyList<string> Offered { get; } = [Auto, GrabCutBox, GrabCutSeeded];

    /// <summary>The refusal for a name that is neither offered nor well-formed.</summary>
    public static string ChoiceError { get; } = $"Pick a suggestion engine: {string.Join(", ", Offered)}, or one a worker offers.";

    /// <summary>
    /// What the project editor lists: the classical choices first, then the project's own model when it has a promoted one,
    /// then the engines the connected workers announce (by name; "project-model" only with a promoted model), then the
    /// project's current choice when nobody offers it right now.
    /// </summary>
    public static IReadOnlyList<string> Choices(IEnumerable<string> announced, string? current, bool hasPromotedModel = false)
    {
        ArgumentNullException.ThrowIfNull(announced);
        IEnumerable<string> extra = announced.Where(IsEngineName).Except(Offered, StringComparer.Ordinal).Except([ProjectModel], StringComparer.Ordinal)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        if (hasPromotedModel)
        {
            // The project's own model is offered once it has one, whether or not a worker serves it at this moment.
            extra = [ProjectModel, .. extra];
        }
        IEnumerable<string> choices = [.. Offered, .. extra];
        return current is not null && IsChoosable(current) && !choices.Contains(current, StringComparer.Ordinal) ? [.. choices, current] : [.. choices];
    }

    /// <summary>A project may choose an offered name or any engine name a worker could announce (lower case, digits, '-', '.', '_').</summary>
    public static bool IsChoosable(string? name) => name is not null && (Offered.Contains(name, StringComparer.Ordinal) || IsEngineName(name));

    /// <summary>The engine a project's choice names for routing: none for "auto" (then the prompt decides).</summary>
    public static string? Named(string? chosen) => string.IsNullOrWhiteSpace(chosen) || chosen == Auto ? null : chosen;

    private static bool IsEngineName(string name) =>
        name.Length is > 0 and <= MaxNameLength && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_');

    /// <summary>
    /// The engine that answers a prompt under the project's choice — the one rule, also the portal's
    /// fallback when a worker's engine cannot be reached: "auto" sends a prompt with a box to
    /// <see cref="GrabCutBox"/> (which takes the clicks and scribbles drawn with it, negative ones
    /// included) and a prompt without a box to <see cref="GrabCutSeeded"/>; any other choice is the engine itself.
    /// </summary>
    public static string Resolve(string? chosen, bool hasBox) =>
        string.IsNullOrEmpty(chosen) || chosen == Auto
            ? hasBox ? GrabCutBox : GrabCutSeeded
            : chosen;
}
