using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>Training jobs and their blobs (section "Training"; docs/training-protocol.md).</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>How long a worker holds a claimed job without a report or renewal; then another worker may resume it.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>The largest blob (checkpoint, ONNX file) a worker or a manager's upload may store.</summary>
    [Range(1024L, 16L * 1024 * 1024 * 1024)]
    public long MaxBlobBytes { get; set; } = 512L * 1024 * 1024;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
