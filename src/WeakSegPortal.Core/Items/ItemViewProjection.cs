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
        Modality = e.Modality,
        Geometry = e.Geometry,
        VolumeKey = e.VolumeKey,
        ContentHash = e.ContentHash,
        SeriesInstanceUid = e.SeriesInstanceUid,
        RegisteredAt = e.At,
    };

    public static void Apply(ItemAssigned e, ItemView view) => view.AssignedTo.Add(e.AnnotatorId);

    public static void Apply(ItemSubmitted e, ItemView view) => view.SubmittedBy.Add(e.AnnotatorId);

    public static void Apply(ItemSkipped e, ItemView view) => view.SkippedBy.Add(e.AnnotatorId);

    public static void Apply(ItemMarkedGold e, ItemView view) => view.IsGold = true;
}
