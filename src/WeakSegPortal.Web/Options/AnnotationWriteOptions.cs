using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>How annotation commands are written (section "AnnotationWrites"); see <c>AnnotationWriters</c>.</summary>
public sealed class AnnotationWriteOptions
{
    public const string Section = "AnnotationWrites";

    /// <summary>Writers working side by side, each with its own share of the annotators' streams.</summary>
    [Range(1, 64)]
    public int Writers { get; set; } = 4;

    /// <summary>The most commands one writer stores in one transaction.</summary>
    [Range(1, 1000)]
    public int MaxBatch { get; set; } = 200;

    /// <summary>Commands a writer holds before hub calls wait for room (back pressure).</summary>
    [Range(10, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;
}
