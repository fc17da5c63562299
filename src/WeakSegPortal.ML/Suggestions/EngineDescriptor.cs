namespace WeakSegPortal.ML.Suggestions;

/// <summary>What an engine is (name and version, as provenance records them) and which prompts it takes.</summary>
public sealed record EngineDescriptor(string Name, string Version, PromptKinds Accepts)
{
    public override string ToString() => $"{Name} {Version}";
}
