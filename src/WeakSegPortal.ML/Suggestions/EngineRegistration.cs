namespace WeakSegPortal.ML.Suggestions;

/// <summary>
/// One registered engine: the name a project picks it by, its kind (the implementation, which the engine test suite
/// must cover), and how to make it. Made on first use, since a SAM engine loads two model files.
/// </summary>
public sealed record EngineRegistration(string Name, string Kind, Func<ISuggestionEngine> Create);
