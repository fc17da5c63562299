namespace WeakSegPortal.Core.Labels;

/// <summary>Whether a class is present in the whole item (Slice null) or on one slice.</summary>
public sealed record Tag(int ClassId, bool Present, int? Slice = null);
