using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Qa;

/// <summary>
/// The QA desk's row for one item: how far its annotators agree, kept small (no voxel maps; the item
/// view computes those on demand). Written by the agreement subscription after annotations land.
/// Undefined figures (nothing to compare) are null.
/// </summary>
public sealed class ItemAgreementSummary
{
    /// <summary>The item id.</summary>
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid ImportId { get; set; }
    public string ItemName { get; set; } = "";
    public bool IsGold { get; set; }
    /// <summary>"open", "adjudicated" or "returned".</summary>
    public string Status { get; set; } = QaStatus.Open;
    /// <summary>Overall agreement in [0, 1] to sort by (see ItemScore); 1 when nothing can be compared.</summary>
    public double Score { get; set; } = 1;
    public int AnnotatorCount { get; set; }
    public int SubmittedCount { get; set; }
    /// <summary>At least one label came from a suggestion rather than by hand.</summary>
    public bool Assisted { get; set; }
    /// <summary>Labels taken from a suggestion (provenance "suggestion"), all annotators together.</summary>
    public int AssistedAnnotations { get; set; }
    /// <summary>Labels drawn by hand, all annotators together.</summary>
    public int ManualAnnotations { get; set; }
    /// <summary>Mean agreement with the others of the annotators who took at least one suggestion here; null when none did or nothing compares.</summary>
    public double? AssistedAgreement { get; set; }
    /// <summary>Mean agreement with the others of the annotators who drew everything by hand here; null when none did or nothing compares.</summary>
    public double? ManualAgreement { get; set; }
    /// <summary>Krippendorff's α over the tags; null when undefined (<see cref="Tags"/> says why).</summary>
    public double? TagAlpha { get; set; }
    /// <summary>Mean Cohen's κ over annotator pairs; null when undefined (<see cref="Tags"/> says why).</summary>
    public double? TagMeanKappa { get; set; }
    /// <summary>α and κ with the reason when undefined and the percent agreement beside them; null in summaries written before it existed.</summary>
    public TagAgreementResult? Tags { get; set; }
    public double ScribbleClassConflictFraction { get; set; }
    public int LabelledSlices { get; set; }
    public List<Guid> AnnotatorIds { get; set; } = [];
    public List<int> ClassIds { get; set; } = [];
    public List<string> Kinds { get; set; } = [];
    public List<ClassAgreementSummary> Classes { get; set; } = [];
    public List<AnnotatorAgreementSummary> Annotators { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>
    /// The event store's high water mark read just before this summary's labels were: every event up to it had been
    /// committed, so this summary includes it. The agreement subscription skips an item whose events in its page all lie
    /// at or below it (0 in summaries written before it existed: never skipped).
    /// </summary>
    public long EventsThrough { get; set; }
}
