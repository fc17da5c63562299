using Marten.Events.Aggregation;

namespace WeakSegPortal.Core.Items;

/// <summary>Builds <see cref="ItemView"/>. Inline: access checks and the work queue read it in the next request.</summary>
public sealed class ItemViewProjection : SingleStreamProjection<ItemView, Guid>
{
    public static ItemView Create(ItemRegistered e) => new()
    {
        Id = e.ItemId,
        ProjectId = e.ProjectId,
        ImportId = e.ImportId,
        Name = e.Name,
        Source = e.Source,
        Modality = e.Modality,
        Geometry = e.Geometry,
        VolumeKey = e.VolumeKey,
        ContentHash = e.ContentHash,
        SeriesInstanceUid = e.SeriesInstanceUid,
        RegisteredAt = e.At,
    };

    public static ItemView Create(ItemRepeated e) => new()
    {
        Id = e.ItemId,
        ProjectId = e.ProjectId,
        ImportId = e.ImportId,
        Name = e.Name,
        Modality = e.Modality,
        Geometry = e.Geometry,
        VolumeKey = e.VolumeKey,
        ContentHash = e.ContentHash,
        RepeatOf = e.OriginalItemId,
        RegisteredAt = e.At,
    };

    public static void Apply(ItemAssigned e, ItemView view) => view.AssignedTo.Add(e.AnnotatorId);

    public static void Apply(ItemSubmitted e, ItemView view)
    {
        view.SubmittedBy.Add(e.AnnotatorId);
        view.LastSubmittedAt = e.At;
        view.Submissions.Add(new SubmissionNote(e.AnnotatorId, e.ActiveMilliseconds, e.At));
        view.Returns.RemoveAll(r => r.AnnotatorId == e.AnnotatorId);
    }

    public static void Apply(ItemSkipped e, ItemView view) => view.SkippedBy.Add(e.AnnotatorId);

    public static void Apply(ItemMarkedGold e, ItemView view) => view.IsGold = true;

    public static void Apply(ItemAdjudicated e, ItemView view) =>
        view.Adjudication = new AdjudicationNote(e.Basis, e.ChosenAnnotatorId, e.By, e.At);

    /// <summary>The item opens again for that annotator: their submission or skip no longer counts.</summary>
    public static void Apply(ItemReturned e, ItemView view)
    {
        view.SubmittedBy.Remove(e.AnnotatorId);
        view.SkippedBy.Remove(e.AnnotatorId);
        if (!view.AssignedTo.Contains(e.AnnotatorId))
        {
            view.AssignedTo.Add(e.AnnotatorId);
        }
        view.Returns.RemoveAll(r => r.AnnotatorId == e.AnnotatorId);
        view.Returns.Add(new ReturnNote(e.AnnotatorId, e.Comment, e.By, e.At));
    }
}
