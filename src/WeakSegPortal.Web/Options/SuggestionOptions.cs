using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>How suggestions are answered and prepared (section "Suggestions").</summary>
public sealed class SuggestionOptions
{
    public const string Section = "Suggestions";

    /// <summary>The engine when neither the request nor the project names one; unset: a box alone goes to GrabCut, anything else to seeded GrabCut.</summary>
    public string? DefaultEngine { get; set; }

    /// <summary>How long a worker may take for one job before it counts as failed (and the job is tried once more elsewhere).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Embeddings are computed ahead for this many slices on each side of the open one.</summary>
    [Range(0, 64)]
    public int NeighbourSlices { get; set; } = 4;

    /// <summary>And for this many of the next items of the annotator's queue.</summary>
    [Range(0, 20)]
    public int QueueLookahead { get; set; } = 2;
}
