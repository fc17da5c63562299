namespace WeakSegPortal.Web.Suggestions;

/// <summary>Pushed to the annotator's connections (<c>EmbeddingsReady</c>): these slices of the item now answer a click with the decoder alone.</summary>
public sealed record EmbeddingsReady(Guid ItemId, string Orientation, string Engine, IReadOnlyList<int> Slices);
