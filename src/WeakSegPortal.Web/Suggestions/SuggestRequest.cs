using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Suggestions;

/// <summary>A browser's <c>Suggest</c> call, read and checked for shape (docs/suggestion-protocol.md); <see cref="PromptJson"/> is what it sent.</summary>
public sealed record SuggestRequest(Guid RequestId, Guid ItemId, string? Engine, SliceOrientation Orientation, WirePrompt Prompt, string PromptJson);
