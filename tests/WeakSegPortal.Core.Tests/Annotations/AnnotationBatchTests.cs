using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Tests.Annotations;

/// <summary>A run of commands decided together (<see cref="AnnotationBatch"/>): later commands see what earlier ones did.</summary>
public sealed class AnnotationBatchTests
{
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly ProjectSummary Project = new()
    {
        Id = Guid.NewGuid(),
        Classes = [new LabelClass(1, "Liver", "#ff0000")],
        AllowedKinds = [AnnotationKind.Box, AnnotationKind.Tag],
        Members = [new(Ann, ProjectRole.Annotator), new(Other, ProjectRole.Annotator)],
    };

    private static readonly ItemView Item = new()
    {
        Id = Guid.NewGuid(),
        ProjectId = Project.Id,
        Geometry = new(64, 48, 8, [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]),
        AssignedTo = [Ann, Other],
    };

    private static AnnotationBatch Batch(IEnumerable<ProcessedCommand>? seen = null, IEnumerable<AnnotationRecord>? stored = null) =>
        new(seen ?? [], [Item], stored ?? [], At);

    private static AnnotationAck Decide(AnnotationBatch batch, AnnotationCommand command, Guid? annotator = null) =>
        batch.Decide(new SubmittedAnnotation(command, annotator ?? Ann), id => id == Project.Id ? Project : null);

    private static AnnotationCommand Box(Guid? item = null) => new(Guid.NewGuid(), item ?? Item.Id, "box", 1, 0, Box: new BoxShape(1, 1, 9, 9));

    private static AnnotationCommand Delete(Guid annotationId) => new(Guid.NewGuid(), Item.Id, "delete", 0, null, Delete: new DeleteTarget(annotationId));

    private static AnnotationCommand Tag(bool present) => new(Guid.NewGuid(), Item.Id, "tag", 1, 2, Tag: new TagValue(present));

    [Fact]
    public void A_command_id_repeated_within_the_run_is_answered_alike_and_appended_once()
    {
        var batch = Batch();
        var box = Box();
        var first = Decide(batch, box);
        var again = Decide(batch, box);
        Assert.True(first.Accepted);
        Assert.Equal(first, again);
        Assert.Single(batch.Appends);
        Assert.Single(batch.NewlyProcessed);
    }

    [Fact]
    public void A_command_id_answered_before_is_answered_from_the_record_and_appends_nothing()
    {
        var box = Box();
        var earlier = new AnnotationAck(box.CommandId, true, Guid.NewGuid(), null);
        var batch = Batch(seen: [new ProcessedCommand { Id = box.CommandId, AnnotatorId = Ann, Ack = earlier, At = At }]);
        Assert.Equal(earlier, Decide(batch, box));
        Assert.Equal("This command id belongs to someone else; the browser must make a new one.", Decide(batch, box, Other).Reason);
        Assert.Empty(batch.Appends);
        Assert.Empty(batch.NewlyProcessed);
    }

    [Fact]
    public void An_annotation_created_earlier_in_the_run_can_be_deleted_once()
    {
        var batch = Batch();
        var created = Decide(batch, Box());
        var deleted = Decide(batch, Delete(created.AnnotationId!.Value));
        var twice = Decide(batch, Delete(created.AnnotationId.Value));
        Assert.True(deleted.Accepted);
        Assert.Equal("There is no such annotation of yours to delete.", twice.Reason);
        Assert.IsType<AnnotationDeleted>(batch.Appends[1].Event);
        Assert.Equal(2, batch.Appends.Count);
        Assert.Equal(3, batch.NewlyProcessed.Count);
    }

    [Fact]
    public void Only_the_owner_may_delete_a_stored_annotation()
    {
        var mine = Guid.NewGuid();
        var record = new AnnotationRecord { Id = mine, AnnotationId = mine, ItemId = Item.Id, AnnotatorId = Ann };
        var batch = Batch(stored: [record]);
        Assert.Equal("There is no such annotation of yours to delete.", Decide(batch, Delete(mine), Other).Reason);
        Assert.True(Decide(batch, Delete(mine)).Accepted);
    }

    [Fact]
    public void A_tag_answered_again_in_the_run_replaces_the_stored_answer()
    {
        var oldAnswer = Guid.NewGuid();
        var key = AnnotationRecordProjection.TagKey(Item.Id, Ann, new Tag(1, true, 2));
        var record = new AnnotationRecord { Id = key, AnnotationId = oldAnswer, ItemId = Item.Id, AnnotatorId = Ann };
        var batch = Batch(stored: [record]);
        var newAnswer = Decide(batch, Tag(false));
        Assert.True(newAnswer.Accepted);
        Assert.Equal("There is no such annotation of yours to delete.", Decide(batch, Delete(oldAnswer)).Reason);
        Assert.True(Decide(batch, Delete(newAnswer.AnnotationId!.Value)).Accepted);
    }

    [Fact]
    public void Refusals_of_the_senders_own_commands_are_remembered_and_name_the_reason()
    {
        var batch = Batch();
        Assert.Equal("Class 7 is not a class of this project.", Decide(batch, Box() with { ClassId = 7 }).Reason);
        Assert.Equal("Scribbles are not allowed in this project.", Decide(batch, Box() with { Kind = "scribble", Scribble = new ScribbleShape([[1, 1], [2, 2]], 2) }).Reason);
        Assert.Empty(batch.Appends);
        Assert.Equal(2, batch.NewlyProcessed.Count);
    }

    [Fact]
    public void A_missing_item_and_someone_elses_item_get_one_answer_and_nothing_is_remembered()
    {
        var batch = Batch();
        var stranger = Guid.NewGuid();
        Assert.Equal(AnnotationBatch.NotYours, Decide(batch, Box(Guid.NewGuid())).Reason);
        Assert.Equal(AnnotationBatch.NotYours, Decide(batch, Box(), stranger).Reason);
        Assert.Empty(batch.Appends);
        Assert.Empty(batch.NewlyProcessed);
    }

    [Fact]
    public void An_annotator_taken_off_the_team_can_no_longer_label_an_item_assigned_before()
    {
        var removed = new ProjectSummary { Id = Project.Id, Classes = Project.Classes, AllowedKinds = Project.AllowedKinds, Members = [new(Other, ProjectRole.Annotator)] };
        var batch = Batch();
        var ack = batch.Decide(new SubmittedAnnotation(Box(), Ann), id => id == Project.Id ? removed : null);
        Assert.Equal(AnnotationBatch.NotYours, ack.Reason);
        Assert.True(Decide(batch, Box(), Other).Accepted);
    }

    [Fact]
    public void Events_go_to_each_annotators_own_stream_in_order()
    {
        var batch = Batch();
        Decide(batch, Box());
        Decide(batch, Box(), Other);
        Decide(batch, Tag(true));
        Assert.Equal(
            [AnnotationStreams.For(Item.Id, Ann), AnnotationStreams.For(Item.Id, Other), AnnotationStreams.For(Item.Id, Ann)],
            batch.Appends.Select(a => a.StreamId));
        Assert.IsType<TagSet>(batch.Appends[2].Event);
    }

    [Fact]
    public void Each_command_of_a_run_gets_a_later_time_than_the_one_before_so_replay_keeps_the_order()
    {
        var batch = Batch();
        for (var n = 0; n < 5; n++)
        {
            Decide(batch, Box());
        }
        var times = batch.Appends.Select(a => ((BoxDrawn)a.Event).At).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(5, times.Distinct().Count());
        Assert.Equal(times, batch.NewlyProcessed.Select(p => p.At));
    }
}
