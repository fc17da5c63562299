namespace WeakSegPortal.Core.Items;

/// <summary>An item as pages, endpoints and the work queue need it; projected from its stream.</summary>
public sealed class ItemView
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid ImportId { get; set; }
    /// <summary>The pseudonym everyone sees (<see cref="ItemPseudonym"/>).</summary>
    public string Name { get; set; } = "";
    /// <summary>Source name and DICOM UIDs: for managers and exports only, never in an annotator's or QA lead's answer.</summary>
    public ItemSource? Source { get; set; }
    public string Modality { get; set; } = "";
    public ItemGeometry Geometry { get; set; } = new(0, 0, 0, [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
    public string VolumeKey { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string? SeriesInstanceUid { get; set; }
    public bool IsGold { get; set; }
    /// <summary>For a hidden repeat (<see cref="ItemRepeated"/>), the item it repeats; null for every imported item.</summary>
    public Guid? RepeatOf { get; set; }
    /// <summary>Each submission as it happened (who, when, active time), kept when QA returns the item; the dashboard's throughput.</summary>
    public List<SubmissionNote> Submissions { get; set; } = [];
    public List<Guid> AssignedTo { get; set; } = [];
    public List<Guid> SubmittedBy { get; set; } = [];
    public List<Guid> SkippedBy { get; set; } = [];
    /// <summary>When an annotator last submitted it (auto-training counts items submitted since the last job began).</summary>
    public DateTimeOffset? LastSubmittedAt { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    /// <summary>Open returns: annotators asked to look again, with the QA lead's comment.</summary>
    public List<ReturnNote> Returns { get; set; } = [];
    public AdjudicationNote? Adjudication { get; set; }

    /// <summary>A hidden repeat: the same image served again to one annotator, outside coverage, agreement and consensus.</summary>
    public bool IsRepeat => RepeatOf is not null;

    /// <summary>The comment of a QA lead who returned the item to this annotator, if it is still open.</summary>
    public string? ReturnCommentFor(Guid annotatorId) => Returns.LastOrDefault(r => r.AnnotatorId == annotatorId)?.Comment;

    /// <summary>Annotators who hold the item and have neither submitted nor skipped it.</summary>
    public bool IsOpenFor(Guid annotatorId) =>
        AssignedTo.Contains(annotatorId) && !SubmittedBy.Contains(annotatorId) && !SkippedBy.Contains(annotatorId);
}
