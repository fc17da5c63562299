using WeakSegPortal.Imaging.Rendering;

namespace WeakSegPortal.ML.Embeddings;

/// <summary>One embedding per (model, item, orientation, slice): what a click on an open slice looks up.</summary>
public sealed record EmbeddingKey(string ModelId, string ItemId, SliceOrientation Orientation, int Slice);
