namespace WeakSegPortal.Core.Annotations;

/// <summary>How a label came about: drawn by hand, or accepted from a suggestion (engine, model version, prompt).</summary>
public sealed record Provenance(string Source, string? Engine = null, string? ModelVersion = null, string? Prompt = null)
{
    public static readonly Provenance Manual = new("manual");
}
