namespace WeakSegPortal.Core.Labels;

/// <summary>How a label came about: "manual"; "suggestion" or "propagated" with the engine, model version, prompt (JSON) and which suggestion; "interpolated" (Core's Provenance.Sources).</summary>
public sealed record ExchangeProvenance(string Source, string? Engine = null, string? ModelVersion = null, string? Prompt = null, Guid? SuggestionId = null, Guid? ObjectId = null);
