namespace WeakSegPortal.Core.Projects;

/// <summary>
/// The suggestion engines a project manager may pick for a project, by name (the names the engines
/// register under, WeakSegPortal.ML's EngineKinds). The one list the project editor offers and
/// <see cref="ProjectDraftValidator"/> holds drafts to; when workers announce further engines
/// (docs/suggestion-protocol.md), this is the place to add their names.
/// </summary>
public static class SuggestionEngineNames
{
    /// <summary>Picks by prompt: a box goes to GrabCut, clicks and scribbles to seeded GrabCut.</summary>
    public const string Auto = "auto";
    public const string GrabCutBox = "grabcut-box";
    public const string GrabCutSeeded = "grabcut-seeded";

    /// <summary>A project that never chose one uses this.</summary>
    public const string Default = Auto;

    /// <summary>Every name a project may choose, the default first.</summary>
    public static IReadOnlyList<string> Offered { get; } = [Auto, GrabCutBox, GrabCutSeeded];

    /// <summary>
    /// The engine that answers a prompt under the project's choice: "auto" sends a prompt with clicks
    /// or scribbles to <see cref="GrabCutSeeded"/> and a box alone to <see cref="GrabCutBox"/>; any other
    /// choice is the engine itself.
    /// </summary>
    public static string Resolve(string? chosen, bool hasClicksOrScribbles) =>
        string.IsNullOrEmpty(chosen) || chosen == Auto
            ? hasClicksOrScribbles ? GrabCutSeeded : GrabCutBox
            : chosen;
}
