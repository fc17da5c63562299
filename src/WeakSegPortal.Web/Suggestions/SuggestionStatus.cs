namespace WeakSegPortal.Web.Suggestions;

/// <summary>
/// The answer of <c>GetSuggestionStatus</c>: the engine the item's prompts go to, where it runs ("CPU", "CUDA",
/// "OpenCV"; null when nothing offers it now), how many workers offer it, and the slices whose embedding is ready.
/// </summary>
public sealed record SuggestionStatus(Guid ItemId, string Orientation, string Engine, string? Provider, int Workers, IReadOnlyList<int> ReadySlices);
