using System.Text.Json;
using System.Text.Json.Serialization;

namespace WeakSegPortal.Imaging.Staging;

/// <summary>
/// One line of `weakseg stage` output (JSON, one object per line), read by the portal's importer.
/// A unit is a DICOM series or one NIfTI/raster file; it is decoded on its own so that a decoder crash
/// costs that unit only. Events: <c>scan</c> (a DICOM header is about to be read), <c>plan</c> (units
/// to decode), <c>start</c> (a unit begins), <c>item</c> (a unit became a stored volume),
/// <c>refused</c> (a file could not be used, and why), <c>done</c> (the run finished).
/// </summary>
public sealed record StageEvent
{
    public const string Scan = "scan", Plan = "plan", Start = "start", Item = "item", Refused = "refused", Done = "done";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Event { get; init; }

    /// <summary>Stable id of the unit across re-runs: <c>dicom:STUDY/SERIES</c> or <c>file:RELATIVE/PATH</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>One file, relative to the staging folder with '/' separators (scan, refused).</summary>
    public string? File { get; init; }

    public string? Reason { get; init; }

    /// <summary>Units in this run (plan, done).</summary>
    public int? Units { get; init; }

    /// <summary>The unit's files (start, item).</summary>
    public IReadOnlyList<string>? Files { get; init; }

    public StagedVolume? Volume { get; init; }

    public string ToLine() => JsonSerializer.Serialize(this, Json);

    public static StageEvent? Parse(string line) => JsonSerializer.Deserialize<StageEvent>(line, Json);
}
