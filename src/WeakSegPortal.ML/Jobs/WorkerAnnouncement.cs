namespace WeakSegPortal.ML.Jobs;

/// <summary>Worker → web (<c>Announce</c> on the worker hub, after every connect): who it is and what it can run.</summary>
public sealed record WorkerAnnouncement(
    string WorkerId, string Name, IReadOnlyList<EngineOffer> Engines, bool Gpu, string Provider, int MaxConcurrency)
{
    /// <summary>Whether it takes training jobs (<c>ClaimTraining</c>, docs/training-protocol.md).</summary>
    public bool Trains { get; init; }
}

/// <summary>One engine a worker offers: its name and version and the prompt kinds it takes (PromptKinds names, e.g. "Box, Points").</summary>
public sealed record EngineOffer(string Name, string Version, string Accepts, bool NeedsEmbedding);
