namespace WeakSegPortal.Benchmarks;

/// <summary>What the hub benchmark seeded: one annotator, the item assigned to them, and each organ's true mask on the slice clicked.</summary>
internal sealed record SuggestWorld(string UserName, string Password, Guid ItemId, int Slice, int Size, IReadOnlyDictionary<int, bool[]> Truths);
